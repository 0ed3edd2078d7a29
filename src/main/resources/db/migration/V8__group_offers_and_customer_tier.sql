-- The "my groups' unassigned tasks" part of the inbox, as one short index range per group.
--
-- An open unassigned task offered to groups G1..Gn has one row here per group. The inbox reads, for each of
-- the user's groups, the first rows of that group in the wanted order and merges them (see
-- HumanTaskRepository.find), so its cost depends on the page size and the number of the user's groups, not
-- on how many tasks the table holds or how they are spread over the groups (bench/RESULTS.md).
--
-- The rows are kept by a trigger on human_task, so that no code path (capture, claim, give back, assign,
-- complete, cancel, a manual repair in SQL) can leave an offer behind or miss one.
create table task_group_offer (
    offer_group    text        not null,
    task_id        bigint      not null references human_task (id) on delete cascade,
    offer_due      timestamptz,
    offer_priority integer     not null,
    offer_created  timestamptz not null,
    primary key (offer_group, task_id)
);
create index task_group_offer_due on task_group_offer (offer_group, offer_due, offer_priority desc, task_id);
create index task_group_offer_priority on task_group_offer (offer_group, offer_priority desc, offer_due, task_id);
create index task_group_offer_created on task_group_offer (offer_group, offer_created desc, task_id desc);
create index task_group_offer_task on task_group_offer (task_id);

create function human_task_sync_group_offers() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.state is not distinct from old.state and new.assignee is not distinct from old.assignee
                and new.candidate_groups is not distinct from old.candidate_groups
                and new.due_at is not distinct from old.due_at and new.priority is not distinct from old.priority
                and new.created_at is not distinct from old.created_at then
            return null;
        end if;
        delete from task_group_offer where task_id = old.id;
    end if;
    if new.state = 'OPEN' and new.assignee is null then
        insert into task_group_offer (offer_group, task_id, offer_due, offer_priority, offer_created)
        select distinct g, new.id, new.due_at, new.priority, new.created_at
        from unnest(new.candidate_groups) as g
        where g is not null and g <> '';
    end if;
    return null;
end $$;

create trigger human_task_group_offers
    after insert or update of state, assignee, candidate_groups, due_at, priority, created_at on human_task
    for each row execute function human_task_sync_group_offers();

insert into task_group_offer (offer_group, task_id, offer_due, offer_priority, offer_created)
select distinct g, t.id, t.due_at, t.priority, t.created_at
from human_task t, unnest(t.candidate_groups) as g
where t.state = 'OPEN' and t.assignee is null and g <> '';

-- My own open tasks in each of the three orders, and every open task (managers) by due date.
create index human_task_inbox_assignee_priority on human_task (assignee, priority desc, due_at, id) where state = 'OPEN';
create index human_task_inbox_assignee_created on human_task (assignee, created_at desc, id desc) where state = 'OPEN';
create index human_task_open_due on human_task (due_at, priority desc, id) where state = 'OPEN';
-- the group branch no longer reads these
drop index if exists human_task_inbox_unassigned;
drop index if exists human_task_inbox_groups;

-- The customer's value tier (strategic / important / ordinary, METHODOLOGY §1). Tasks can be filtered by it;
-- the tiering rules that set it come with the customer work (issue #6).
alter table customer add column tier varchar(20) not null default 'ORDINARY'
    check (tier in ('STRATEGIC', 'IMPORTANT', 'ORDINARY'));
create index customer_tier on customer (tier);
