-- Follow-ups 跟进: planned contacts with a customer about a deal (a visit, a call, a meeting), done with an outcome.
-- The board shows each deal's next planned one; the follow-up cadence and reminders build on this table.
create table follow_up (
    id              bigserial primary key,
    opportunity_id  bigint        not null references opportunity (id),
    kind            varchar(20)   not null check (kind in ('VISIT', 'CALL', 'MEETING', 'MESSAGE', 'OTHER')),
    subject         varchar(200)  not null,
    planned_at      timestamptz   not null,
    owner_username  varchar(50)   not null,
    created_by      varchar(50)   not null,
    created_at      timestamptz   not null default now(),
    done_at         timestamptz,
    done_by         varchar(50),
    outcome         varchar(2000)
);
create index follow_up_planned on follow_up (opportunity_id, planned_at) where done_at is null;
create index follow_up_opportunity on follow_up (opportunity_id, id);
