-- English for the texts of the models a process owner changed in Summit (issue #13): task names, process names and form
-- texts that the jar's bundles do not have. Kept with the version they were written for; the newest text of a key is
-- the one shown. Rows are only added.
create table model_translation (
    id            bigserial primary key,
    resource_name varchar(200) not null,
    version_id    bigint       not null references model_version (id),
    message_key   varchar(400) not null,
    locale        varchar(10)  not null default 'en',
    text          varchar(4000) not null,
    author        varchar(50)  not null,
    created_at    timestamptz  not null default now()
);

create index model_translation_key on model_translation (message_key, id);
