-- Notifications beyond the bell (issue #14): email, the team's WeCom group robot and DingTalk custom robot. Each user
-- chooses per event which channels they hear it on (a row only where they differ from the default); an admin sets
-- the robots and the events each one gets. Every message leaving the app goes through the delivery outbox: sent by
-- a job after the commit, retried with backoff, each robot kept within its rate limit, and a failure kept with the
-- channel's answer for an admin to send again.
alter table app_user add column wecom_id varchar(64);
alter table app_user add column dingtalk_id varchar(64);

create table notification_preference (
    username varchar(50) not null,
    event    varchar(40) not null,
    channel  varchar(20) not null check (channel in ('IN_APP', 'EMAIL', 'WECOM', 'DINGTALK')),
    enabled  boolean     not null,
    primary key (username, event, channel)
);

create table notification_robot (
    id         bigserial primary key,
    kind       varchar(20)  not null check (kind in ('WECOM', 'DINGTALK')),
    name       varchar(60)  not null,
    token      varchar(200) not null,
    secret     varchar(200),
    events     text[]       not null default '{}',
    enabled    boolean      not null default true,
    created_by varchar(50)  not null,
    created_at timestamptz  not null default now()
);

create table notification_delivery (
    id              bigserial primary key,
    channel         varchar(20)   not null check (channel in ('EMAIL', 'WECOM', 'DINGTALK')),
    robot_id        bigint        references notification_robot (id) on delete cascade,
    recipient       varchar(50),
    address         varchar(200),
    event           varchar(40)   not null,
    subject         varchar(300)  not null,
    body            text          not null,
    mentions        text[]        not null default '{}',
    dedupe_key      varchar(300)  not null unique,
    state           varchar(10)   not null default 'PENDING' check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    locked_until    timestamptz,
    last_error      varchar(2000),
    last_response   varchar(2000),
    created_at      timestamptz   not null default now(),
    sent_at         timestamptz
);
create index notification_delivery_due on notification_delivery (next_attempt_at) where state = 'PENDING';
create index notification_delivery_robot_sent on notification_delivery (robot_id, sent_at) where state = 'SENT';
create index notification_delivery_failed on notification_delivery (id) where state = 'FAILED';
