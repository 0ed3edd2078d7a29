-- Comments on tasks: who wrote what, when. Rows are only ever added.
create table task_comment (
    id                   bigserial primary key,
    task_id              bigint        not null references human_task (id),
    process_instance_key bigint        not null,
    author               varchar(50)   not null,
    body                 varchar(2000) not null,
    created_at           timestamptz   not null default now()
);
create index task_comment_task on task_comment (task_id, id);
