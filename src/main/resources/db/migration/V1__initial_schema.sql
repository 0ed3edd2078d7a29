-- Summit's first schema: users, customers, opportunities, the human-task inbox, deployed forms and the search outbox.

create table app_user (
    id               bigserial primary key,
    username         varchar(50)  not null unique,
    display_name     varchar(100) not null,
    password_hash    varchar(100) not null,
    email            varchar(200),
    manager_username varchar(50),
    team             varchar(100),
    enabled          boolean      not null default true,
    created_at       timestamptz  not null default now()
);

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(30) not null,
    primary key (user_id, role)
);

create table customer (
    id             bigserial primary key,
    name           varchar(100) not null,
    credit_code    varchar(18),
    industry       varchar(40),
    region         varchar(60),
    owner_username varchar(50)  not null,
    created_at     timestamptz  not null default now(),
    version        integer      not null default 0
);
create unique index customer_name_unique on customer (lower(btrim(name)));

create table opportunity (
    id                   bigserial primary key,
    customer_id          bigint        not null references customer (id),
    name                 varchar(100)  not null,
    description          varchar(2000),
    amount               numeric(16, 2) not null check (amount >= 0),
    services             varchar(200)  not null default '',
    stage                varchar(30)   not null,
    status               varchar(20)   not null,
    owner_username       varchar(50)   not null,
    stage_entered_at     timestamptz   not null default now(),
    process_instance_key bigint,
    engine_epoch         varchar(64),
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    version              integer       not null default 0
);
create index opportunity_owner on opportunity (owner_username);
create index opportunity_open on opportunity (status) where status = 'OPEN';

create table opportunity_stage_record (
    id             bigserial primary key,
    opportunity_id bigint      not null references opportunity (id),
    stage          varchar(30) not null,
    data           jsonb       not null,
    recorded_by    varchar(50),
    recorded_at    timestamptz not null default now()
);
create index opportunity_stage_record_opportunity on opportunity_stage_record (opportunity_id);

create table deployed_form (
    form_key      bigint primary key,
    form_id       varchar(200) not null,
    version       integer      not null,
    resource_name varchar(300) not null,
    schema_json   jsonb        not null,
    deployed_at   timestamptz  not null default now()
);
create index deployed_form_id on deployed_form (form_id, version desc);

create table deployed_process (
    process_definition_key bigint primary key,
    bpmn_process_id        varchar(200) not null,
    version                integer      not null,
    resource_name          varchar(300) not null,
    bpmn_xml               text         not null,
    deployed_at            timestamptz  not null default now()
);

create table human_task (
    id                     bigserial primary key,
    job_key                bigint       not null unique,
    engine_epoch           varchar(64)  not null,
    process_instance_key   bigint       not null,
    process_definition_key bigint       not null,
    bpmn_process_id        varchar(200) not null,
    element_id             varchar(200) not null,
    element_instance_key   bigint       not null,
    name                   varchar(300) not null,
    form_key               bigint,
    assignee               varchar(50),
    candidate_groups       text[]       not null default '{}',
    candidate_users        text[]       not null default '{}',
    due_at                 timestamptz,
    follow_up_at           timestamptz,
    priority               integer      not null default 50,
    variables              jsonb        not null default '{}',
    draft                  jsonb,
    opportunity_id         bigint,
    state                  varchar(20)  not null default 'OPEN',
    end_reason             varchar(40),
    created_at             timestamptz  not null default now(),
    completed_at           timestamptz,
    completed_by           varchar(50)
);
create index human_task_open_assignee on human_task (assignee, due_at) where state = 'OPEN';
create index human_task_open_groups on human_task using gin (candidate_groups) where state = 'OPEN';
create index human_task_instance on human_task (process_instance_key);

create table search_outbox (
    id          bigserial primary key,
    entity_type varchar(40) not null,
    entity_id   bigint      not null,
    created_at  timestamptz not null default now(),
    attempts    integer     not null default 0,
    last_error  varchar(1000)
);
