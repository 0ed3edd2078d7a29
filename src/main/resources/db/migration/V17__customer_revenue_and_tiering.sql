-- Customers (issue #6): monthly revenue and gross profit by service, and the value tier's history.
-- The tier comes from the DMN customer-tier (12 months of revenue and profit, and the open pipeline); the monthly
-- re-tiering (bpmn/customer-tiering.bpmn) records every change with its reason; a strategic customer's downgrade
-- waits for the owner's manager.
alter table customer add column address varchar(200);
alter table customer add column need_type varchar(30);
alter table customer add column tier_reason varchar(30);
alter table customer add column tier_changed_at timestamptz;

create table customer_revenue (
    customer_id  bigint        not null references customer (id),
    month        date          not null check (extract(day from month) = 1),
    service      varchar(30)   not null,
    revenue      numeric(16, 2) not null,
    gross_profit numeric(16, 2) not null,
    primary key (customer_id, month, service)
);
create index customer_revenue_month on customer_revenue (month, customer_id);

-- Every tier change: from → to, why (the rule and the figures it saw), who (SYSTEM for the re-tiering), and for a
-- strategic customer's downgrade the manager's answer.
create table customer_tier_change (
    id           bigserial primary key,
    customer_id  bigint         not null references customer (id),
    from_tier    varchar(20)    not null,
    to_tier      varchar(20)    not null,
    reason       varchar(30)    not null,
    revenue_12m  numeric(16, 2) not null,
    profit_12m   numeric(16, 2) not null,
    pipeline     numeric(16, 2) not null,
    status       varchar(20)    not null check (status in ('APPLIED', 'PENDING', 'CONFIRMED', 'REJECTED')),
    changed_by   varchar(50)    not null,
    created_at   timestamptz    not null default now(),
    decided_by   varchar(50),
    decided_at   timestamptz,
    note         varchar(2000)
);
create index customer_tier_change_customer on customer_tier_change (customer_id, id);
create unique index customer_tier_change_one_pending on customer_tier_change (customer_id) where status = 'PENDING';
