-- Customers (issue #6), continued.
-- Behaviour 行为特征 (METHODOLOGY §1), computed from the monthly revenue: in how many of the last 12 complete months the
-- customer bought, the trend of the last 6 months against the 6 before (growing / stable / declining), and the
-- services used. The re-tiering and every revenue import recompute it; the list filters by trend.
alter table customer add column purchase_months smallint not null default 0;
alter table customer add column trend varchar(10) check (trend in ('GROWING', 'STABLE', 'DECLINING'));
alter table customer add column services_used varchar(200) not null default '';
alter table customer add column behaviour_at timestamptz;
create index customer_trend on customer (trend);

-- Need type 需求类型, the rep's assessment.
alter table customer add constraint customer_need_type check (need_type in ('PRICE_SENSITIVE', 'SERVICE_DEMANDING', 'TIME_CRITICAL', 'BALANCED'));

-- A company has one unified social credit code: the import matches customers by it.
create unique index customer_credit_code_unique on customer (credit_code) where credit_code is not null;

-- Notes on the customer page: who wrote what, when. Notes are kept, not edited.
create table customer_note (
    id          bigserial primary key,
    customer_id bigint        not null references customer (id),
    body        varchar(2000) not null,
    author      varchar(50)   not null,
    created_at  timestamptz   not null default now()
);
create index customer_note_customer on customer_note (customer_id, id);

-- Every import: what, from which file, how, and what came of it. Rows are written in batches of their own
-- transaction, so a failed batch leaves nothing of itself behind, and this row says which rows did not land.
create table customer_import (
    id          bigserial primary key,
    kind        varchar(20)   not null check (kind in ('CUSTOMERS', 'CONTACTS', 'REVENUE')),
    file_name   varchar(255)  not null,
    mode        varchar(20)   not null check (mode in ('VALID_ROWS', 'WHOLE_FILE')),
    update_existing boolean   not null,
    total_rows  integer       not null,
    created     integer       not null,
    updated     integer       not null,
    rejected    integer       not null,
    failed      integer       not null default 0,
    status      varchar(20)   not null check (status in ('COMPLETED', 'WITH_REJECTIONS', 'REFUSED', 'FAILED')),
    imported_by varchar(50)   not null,
    created_at  timestamptz   not null default now()
);
create index customer_import_by on customer_import (imported_by, id);
