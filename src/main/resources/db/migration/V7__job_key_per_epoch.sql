-- A new embedded engine counts its keys from the start again: a job key is unique only within an engine epoch.
alter table human_task drop constraint human_task_job_key_key;
create unique index human_task_epoch_job on human_task (engine_epoch, job_key);
