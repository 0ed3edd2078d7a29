-- Files attached to a task. Like comments, they belong to the case: every task of the process instance shows
-- them. The content is kept in PostgreSQL, in the same transaction as the rest, so a backup holds everything.
create table task_attachment (
    id                   bigserial primary key,
    task_id              bigint       not null references human_task (id),
    process_instance_key bigint       not null,
    file_name            varchar(255) not null,
    content_type         varchar(150) not null,
    size_bytes           bigint       not null check (size_bytes > 0),
    sha256               char(64)     not null,
    content              bytea        not null,
    uploaded_by          varchar(50)  not null,
    uploaded_at          timestamptz  not null default now(),
    removed_by           varchar(50),
    removed_at           timestamptz
);
create index task_attachment_instance on task_attachment (process_instance_key, id);
-- an attachment's file name is the target of its ATTACHED / REMOVED event
alter table task_event alter column target type varchar(300);
