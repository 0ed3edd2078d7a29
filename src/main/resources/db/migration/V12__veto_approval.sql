-- Cross-department review with veto (METHODOLOGY §4, bpmn/veto-approval.bpmn). A request is one stage's approval
-- (before the proposal goes out, before signing); it runs in rounds until every routed department approves, or the
-- owner withdraws. Each round's reviews come from the DMN approval-route; each review gets one decision.
create table approval_request (
    id                   bigserial primary key,
    opportunity_id       bigint        not null references opportunity (id),
    stage                varchar(30)   not null,
    status               varchar(20)   not null check (status in ('OPEN', 'APPROVED', 'WITHDRAWN')),
    process_instance_key bigint,
    requested_by         varchar(50)   not null,
    created_at           timestamptz   not null default now(),
    closed_at            timestamptz
);
create index approval_request_opportunity on approval_request (opportunity_id, id);

create table approval_round (
    id                bigserial primary key,
    request_id        bigint        not null references approval_request (id),
    number            integer       not null,
    outcome           varchar(20)   not null check (outcome in ('RUNNING', 'APPROVED', 'VETOED')),
    amount            numeric(16, 2),
    margin_percent    numeric(6, 2),
    payment_term_days integer,
    non_standard_terms boolean      not null default false,
    rework_note       varchar(2000),
    started_at        timestamptz   not null default now(),
    ended_at          timestamptz,
    unique (request_id, number)
);

create table approval_review (
    id              bigserial primary key,
    round_id        bigint      not null references approval_round (id),
    department      varchar(40) not null,
    level           varchar(20) not null check (level in ('REVIEWER', 'HEAD')),
    candidate_group varchar(60) not null,
    due_at          timestamptz,
    unique (round_id, department)
);

-- One decision per review, never changed and never removed: the audit trail of who decided what, when.
create table approval_decision (
    id          bigserial primary key,
    review_id   bigint        not null unique references approval_review (id),
    decision    varchar(30)   not null check (decision in ('APPROVE', 'APPROVE_WITH_CONDITIONS', 'VETO')),
    reason      varchar(2000),
    conditions  varchar(2000),
    decided_by  varchar(50)   not null,
    decided_at  timestamptz   not null default now()
);

create function approval_decision_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'an approval decision cannot be changed or removed (review %)', old.review_id;
end $$;
create trigger approval_decision_final before update or delete on approval_decision
    for each row execute function approval_decision_is_final();

-- Department heads: their department's group plus "<DEPARTMENT>_HEAD" (a review routed at head level).
alter table app_user add column department_head boolean not null default false;
