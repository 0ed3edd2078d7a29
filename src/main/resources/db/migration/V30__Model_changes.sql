-- The process owner's changes to the models (issue #13): private drafts, requests to deploy a proposal (reviewed by a
-- second process owner or an admin where the model asks for four eyes), the per-model setting, and an audit trail that
-- is never edited.

-- A draft is its author's own until proposed: one per model file and author. "revision" counts the saves, so a save
-- from a stale page is a conflict, never an overwrite. "base_version_id" is the deployed version it started from (none
-- for a new file).
create table model_draft (
    id              bigserial primary key,
    resource_name   varchar(200) not null,
    author          varchar(50)  not null,
    base_version_id bigint references model_version (id),
    content         text         not null,
    revision        integer      not null default 1,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    unique (resource_name, author)
);

-- Whether a model's changes need a second person's approval (absent: the default, on for the lifecycle and the veto
-- approval).
create table model_setting (
    resource_name varchar(200) primary key,
    four_eyes     boolean     not null,
    updated_by    varchar(50) not null,
    updated_at    timestamptz not null default now()
);

-- A request to deploy one proposal, as one deployment. At most one open request per model file.
create table model_change_request (
    id                    bigserial primary key,
    resource_name         varchar(200) not null,
    proposal_id           bigint       not null references model_version (id),
    base_version_id       bigint references model_version (id),
    kind                  varchar(10)  not null check (kind in ('CHANGE', 'ROLLBACK')),
    requested_by          varchar(50)  not null,
    requested_at          timestamptz  not null default now(),
    comment               varchar(2000) not null,
    version_tag           varchar(100),
    four_eyes             boolean      not null,
    warnings_acknowledged boolean      not null default false,
    state                 varchar(20)  not null check (state in ('REQUESTED', 'APPROVED', 'REJECTED', 'DEPLOYED', 'WITHDRAWN')),
    decided_by            varchar(50),
    decided_at            timestamptz,
    decision_note         varchar(2000),
    deployed_version_id   bigint references model_version (id),
    last_failure          text,
    review_instance       bigint,
    review_epoch          varchar(64),
    check (not (state = 'APPROVED' and four_eyes and decided_by = requested_by))
);

create unique index model_change_request_one_open on model_change_request (resource_name)
    where state in ('REQUESTED', 'APPROVED');

-- Who did what to the models, and when: drafts proposed, check results, approvals, deployments, refusals, roll-backs,
-- migrations. Rows are only ever added.
create table workbench_audit (
    id            bigserial primary key,
    at            timestamptz  not null default now(),
    actor         varchar(50)  not null,
    action        varchar(40)  not null,
    resource_name varchar(200),
    version_id    bigint,
    request_id    bigint,
    detail        text
);

create index workbench_audit_resource on workbench_audit (resource_name, id);

create function workbench_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the workbench audit is never edited (entry %)', old.id;
end $$;

create trigger workbench_audit_append_only before update or delete on workbench_audit
    for each row execute function workbench_audit_append_only();
