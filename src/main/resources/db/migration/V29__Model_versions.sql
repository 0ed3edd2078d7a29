-- Every version of every process, decision table and form (issue #13): the files in bpmn/ and forms/ are the seed, the
-- first version on an empty database; after that the latest deployed version here is what Summit deploys at start-up.
-- A version is named by its model and its number, never by an engine key (the embedded engine's keys change on restart).
create table model_version (
    id             bigserial primary key,
    resource_name  varchar(200) not null,
    kind           varchar(10)  not null check (kind in ('BPMN', 'DMN', 'FORM')),
    model_id       varchar(200) not null,
    model_name     varchar(300),
    version        integer,
    state          varchar(20)  not null check (state in ('PROPOSED', 'DEPLOYED', 'REJECTED')),
    origin         varchar(20)  not null check (origin in ('SEED', 'FILE', 'WORKBENCH', 'ROLLBACK')),
    content        text         not null,
    content_hash   char(64)     not null,
    comment        varchar(2000),
    version_tag    varchar(100),
    author         varchar(50)  not null,
    created_at     timestamptz  not null default now(),
    deployed_at    timestamptz,
    deployed_by    varchar(50),
    engine_version integer,
    -- a deployed version has its number, one per model file; a proposal has none until it is deployed
    check ((state = 'DEPLOYED') = (version is not null)),
    unique (resource_name, version)
);

create index model_version_resource on model_version (resource_name, id);
-- the same content is proposed once per model file
create unique index model_version_one_proposal on model_version (resource_name, content_hash) where state = 'PROPOSED';

-- versions are kept as they were: only the deployment's own columns change, once
create function model_version_immutable() returns trigger language plpgsql as $$
begin
    if new.content is distinct from old.content or new.content_hash is distinct from old.content_hash
       or new.resource_name is distinct from old.resource_name or new.author is distinct from old.author
       or new.created_at is distinct from old.created_at or new.origin is distinct from old.origin then
        raise exception 'a model version is never edited (version %)', old.id;
    end if;
    return new;
end $$;

create trigger model_version_immutable before update on model_version
    for each row execute function model_version_immutable();
create rule model_version_no_delete as on delete to model_version do instead nothing;
