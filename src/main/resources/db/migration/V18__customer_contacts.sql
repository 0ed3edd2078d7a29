-- Contacts 联系人 of a customer, each with a role in the buying decision (METHODOLOGY §1, §3 power): decision maker
-- 决策人, business contact 对接人, customer-side lead 牵头人, a veto-holder department (legal / finance / technology), user.
-- The customer page maps them by role and flags the roles nobody covers yet.
create table customer_contact (
    id            bigserial primary key,
    customer_id   bigint        not null references customer (id),
    name          varchar(50)   not null,
    title         varchar(60),
    role          varchar(30)   not null check (role in ('DECISION_MAKER', 'BUSINESS_CONTACT', 'LEAD', 'VETO_LEGAL', 'VETO_FINANCE', 'VETO_TECH', 'USER')),
    strength      smallint      not null check (strength between 1 and 5),
    preferences   varchar(500),
    notes         varchar(2000),
    created_by    varchar(50)   not null,
    created_at    timestamptz   not null default now()
);
create index customer_contact_customer on customer_contact (customer_id, id);
