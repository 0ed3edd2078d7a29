-- The opportunity team 商机团队: who works on a deal, in which role. Visibility follows membership: a rep sees the
-- deals they own or are a member of; a manager sees their team's deals (owners in the manager's team or reporting
-- to them) and those they are a member of.
create table opportunity_member (
    opportunity_id bigint      not null references opportunity (id),
    username       varchar(50) not null,
    role           varchar(20) not null check (role in ('OWNER', 'SALES', 'SOLUTION', 'OPERATIONS', 'SUPPORT')),
    added_by       varchar(50),
    added_at       timestamptz not null default now(),
    primary key (opportunity_id, username)
);
create index opportunity_member_user on opportunity_member (username);

insert into opportunity_member (opportunity_id, username, role, added_by)
select id, owner_username, 'OWNER', owner_username from opportunity;
