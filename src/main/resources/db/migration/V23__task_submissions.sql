-- A submitted task is first marked SUBMITTING with its values, committed, and only then completed in the engine,
-- outside any database transaction. If the engine's answer is lost (a timeout after it acted, the app stopping), the
-- liveness sweep completes the job again with the same values: a job already completed answers NOT_FOUND, and the
-- task ends COMPLETED either way, once.
alter table human_task add column submitted jsonb;
alter table human_task add column submitted_by varchar(50);
alter table human_task add column submitted_at timestamptz;
create index human_task_submitting on human_task (submitted_at) where state = 'SUBMITTING';
