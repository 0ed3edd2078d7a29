-- When each open task's job was last confirmed alive in the engine (see TaskLivenessSweep).
alter table human_task add column checked_at timestamptz;
create index human_task_open_checked on human_task (checked_at nulls first) where state = 'OPEN';
