-- A follow-up record 跟进记录 (issue #14, METHODOLOGY §5): the channel it went through, the contacts met, what was learnt
-- and the promised next step with its date. A contact that already happened is recorded directly (planned_at is then
-- when it happened, and done_at is set at once).
alter table follow_up rename column kind to channel;
alter table follow_up drop constraint follow_up_kind_check;
-- the two old kinds without a channel of their own: a message went by WeChat/WeCom, and "other" was a meeting
update follow_up set channel = 'WECOM' where channel = 'MESSAGE';
update follow_up set channel = 'MEETING' where channel = 'OTHER';
alter table follow_up add constraint follow_up_channel_check
    check (channel in ('VISIT', 'CALL', 'EMAIL', 'WECOM', 'DINGTALK', 'MEETING'));
alter table follow_up add column next_step varchar(500);
alter table follow_up add column next_step_on date;

-- the people of the customer's buying-influence map met on a follow-up
create table follow_up_contact (
    follow_up_id bigint not null references follow_up (id),
    contact_id   bigint not null references customer_contact (id) on delete cascade,
    primary key (follow_up_id, contact_id)
);
create index follow_up_contact_contact on follow_up_contact (contact_id);

-- every deal's done follow-ups, for the count and the last contact
create index follow_up_done on follow_up (opportunity_id, done_at) where done_at is not null;

-- a scorecard claim proved by a follow-up links to it ("met the decision maker" supports power 3)
alter table score_change add column follow_up_id bigint references follow_up (id);
