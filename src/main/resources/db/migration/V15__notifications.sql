-- In-app notifications 站内通知: what a process step tells a person (a stalled deal, an overdue or escalated review).
-- The text is kept in both languages as it was when sent; a repeated job sends nothing twice (dedupe key).
create table notification (
    id          bigserial primary key,
    recipient   varchar(50)  not null,
    kind        varchar(40)  not null,
    text_zh     varchar(1000) not null,
    text_en     varchar(1000) not null,
    link        varchar(300),
    dedupe_key  varchar(200) not null,
    created_at  timestamptz  not null default now(),
    read_at     timestamptz,
    unique (recipient, dedupe_key)
);
create index notification_by_recipient on notification (recipient, id desc);
create index notification_unread on notification (recipient) where read_at is null;

-- A review past its deadline: when its reviewer was reminded, and when it went to the department head's group.
alter table approval_review add column reminded_at timestamptz;
alter table approval_review add column escalated_at timestamptz;
alter table approval_review add column escalation_group varchar(60);
alter table approval_review add column escalate_at timestamptz;

-- Conditions given with approvals become the contract stage's checklist: each is met (with a note) before signing.
create table approval_condition (
    id             bigserial primary key,
    opportunity_id bigint        not null references opportunity (id),
    review_id      bigint        not null unique references approval_review (id),
    department     varchar(40)   not null,
    text           varchar(2000) not null,
    met_at         timestamptz,
    met_by         varchar(50),
    met_note       varchar(2000)
);
create index approval_condition_opportunity on approval_condition (opportunity_id, id);

-- a deal's tasks (its page, its files, its reminders) are looked up by deal
create index human_task_opportunity on human_task (opportunity_id, id) where opportunity_id is not null;
