-- The inbox query reads two ordered index ranges and merges them (see HumanTaskRepository.find):
-- my open tasks in due order, and the open unassigned tasks in due order, filtered by my groups.
drop index if exists human_task_open_assignee;
create index human_task_inbox_assignee on human_task (assignee, due_at, priority desc, id) where state = 'OPEN';
create index human_task_inbox_unassigned on human_task (due_at, priority desc, id) where state = 'OPEN' and assignee is null;
create index human_task_completed_by on human_task (completed_by, completed_at desc) where state = 'COMPLETED';
-- A GIN index on the groups would tempt the planner to fetch every task of a group and sort them all.
drop index if exists human_task_open_groups;
-- Tasks offered to named users are few: found through their own index, then sorted.
create index human_task_inbox_candidate_users on human_task using gin (candidate_users) where state = 'OPEN' and assignee is null;
