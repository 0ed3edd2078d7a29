-- Who did what with a task, and when: the history the task page shows. Rows are only ever added.
create table task_event (
    id                   bigserial primary key,
    task_id              bigint      not null references human_task (id),
    process_instance_key bigint      not null,
    type                 varchar(20) not null,
    actor                varchar(50),
    target               varchar(50),
    created_at           timestamptz not null default now()
);
create index task_event_task on task_event (task_id, id);
create index task_event_instance on task_event (process_instance_key, id);
