-- Moving running instances onto another version of their process (issue #13): one migration per run the process owner
-- starts, with the mapping sent to the engine and one row per instance chosen, so that progress survives the page and
-- every refusal is kept with the engine's reason.
create table instance_migration (
    id              bigserial primary key,
    resource_name   varchar(200) not null,
    bpmn_process_id varchar(200) not null,
    source_version  integer      not null,
    target_version  integer      not null,
    mapping         jsonb        not null,
    filter          varchar(500),
    dry_run         boolean      not null default false,
    state           varchar(20)  not null default 'RUNNING' check (state in ('RUNNING', 'FINISHED', 'INTERRUPTED')),
    started_by      varchar(50)  not null,
    started_at      timestamptz  not null default now(),
    finished_at     timestamptz,
    check (source_version <> target_version)
);

create index instance_migration_resource on instance_migration (resource_name, id);

create table instance_migration_item (
    migration_id         bigint       not null references instance_migration (id),
    process_instance_key bigint       not null,
    opportunity_id       bigint,
    outcome              varchar(20)  not null default 'PENDING' check (outcome in ('PENDING', 'MIGRATED', 'REFUSED')),
    reason               text,
    tasks_moved          integer      not null default 0,
    at                   timestamptz,
    primary key (migration_id, process_instance_key)
);
