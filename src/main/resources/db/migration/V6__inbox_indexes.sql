-- The inbox query reads two ordered index ranges and merges them (see HumanTaskRepository.find):
-- my open tasks in due order, and the open unassigned tasks in due order, filtered by my groups.
drop index if exists human_task_open_assignee;
create index human_task_inbox_assignee on human_task (assignee, due_at, priority desc, id) where state = 'OPEN';
create index human_task_inbox_unassigned on human_task (due_at, priority desc, id) where state = 'OPEN' and assignee is null;
create index human_task_completed_by on human_task (completed_by, completed_at desc) where state = 'COMPLETED';
-- replaced by the partial GIN index below
drop index if exists human_task_open_groups;
-- Tasks offered to named users are few: found through their own index, then sorted.
create index human_task_inbox_candidate_users on human_task using gin (candidate_users) where state = 'OPEN' and assignee is null;
-- For a group with few open unassigned tasks, the planner reads them through this index instead of
-- walking the due-date order; it decides per query from the array statistics (custom plans: see
-- spring.datasource.hikari.connection-init-sql in application.yaml).
create index human_task_inbox_groups on human_task using gin (candidate_groups) where state = 'OPEN' and assignee is null;
