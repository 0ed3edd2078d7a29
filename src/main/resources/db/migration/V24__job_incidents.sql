-- A job worker's failure is recorded with its error. The engine retries the job with a growing delay; a job that runs
-- out of retries becomes an incident, which admins see on /operations with a "retry" button (never a silent stop).
create table job_incident (
    id                   bigserial primary key,
    engine_epoch         text        not null,
    job_key              bigint      not null,
    job_type             text        not null,
    bpmn_process_id      text        not null,
    process_definition_key bigint    not null,
    element_id           text        not null,
    process_instance_key bigint      not null,
    opportunity_id       bigint,
    retries_left         int         not null,
    failures             int         not null default 1,
    error_message        text        not null,
    state                text        not null,
    first_failed_at      timestamptz not null default now(),
    last_failed_at       timestamptz not null default now(),
    retried_by           text,
    retried_at           timestamptz,
    constraint job_incident_state check (state in ('RETRYING', 'INCIDENT', 'RETRIED')),
    constraint job_incident_job unique (engine_epoch, job_key)
);
create index job_incident_open on job_incident (state, last_failed_at) where state = 'INCIDENT';
