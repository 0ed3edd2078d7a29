-- Inbox filters stored on the server: private to their owner, or shared with the owner's team.
create table saved_filter (
    id          bigserial primary key,
    owner       varchar(50)  not null,
    name        varchar(60)  not null,
    team        varchar(100),
    query       jsonb        not null,
    created_at  timestamptz  not null default now(),
    unique (owner, name)
);
create index saved_filter_team on saved_filter (team) where team is not null;
