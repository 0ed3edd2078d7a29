-- The follow-up cadence (issue #14): one process instance per open deal (bpmn/follow-up-cadence.bpmn). A row is taken
-- before the instance starts (so that two replicas, or a start asked twice, start one), and the instance's first step
-- writes its key; a row of an earlier engine epoch (the embedded engine forgot its instances) is started again.
create table follow_up_cadence (
    opportunity_id       bigint      primary key references opportunity (id),
    engine_epoch         varchar(64) not null,
    process_instance_key bigint,
    started_at           timestamptz not null default now()
);
