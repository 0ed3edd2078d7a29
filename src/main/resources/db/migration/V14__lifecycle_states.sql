-- The lifecycle's states beyond the stage: stalled 停滞 (past the stage's target duration), paused (its stall clock
-- stops: on resume the stage's start moves forward by the pause), lost 丢单 with a reason from a managed list.
alter table opportunity add column stalled boolean not null default false;
alter table opportunity add column paused_at timestamptz;
alter table opportunity add column lost_reason varchar(30);
alter table opportunity add column lost_note varchar(1000);
alter table opportunity add column closed_at timestamptz;

-- The reasons a deal is lost (METHODOLOGY §2): a list the process owner keeps.
create table lost_reason (
    code     varchar(30)  primary key,
    position integer      not null,
    label_zh varchar(60)  not null,
    label_en varchar(100) not null,
    active   boolean      not null default true
);
insert into lost_reason (code, position, label_zh, label_en) values
    ('PRICE', 1, '价格', 'Price'),
    ('COMPETITOR', 2, '输给竞争对手', 'Lost to a competitor'),
    ('TIMING', 3, '时机不对', 'Timing'),
    ('NO_DECISION', 4, '客户未做决定', 'No decision'),
    ('SCOPE', 5, '范围不匹配', 'Scope mismatch');
