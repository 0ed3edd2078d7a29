-- The inbox's filter choices without reading every open task: the stages of open tasks are found by skipping
-- through this index (one probe per distinct stage); the candidate groups through task_group_offer's own index.
create index human_task_open_stage on human_task ((variables ->> 'stage')) where state = 'OPEN';
