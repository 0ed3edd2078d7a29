-- China's business days (issue #14): Monday to Friday, except the public holidays, plus the weekend days worked in
-- their place (调休). Each row is a day that differs from the plain week: a HOLIDAY (a day off, weekend days of a
-- holiday included so that the calendar shows the whole break) or a WORKDAY (a Saturday or Sunday worked). An admin
-- adds next year's rows once the State Council publishes them. Follow-up cadences and approval deadlines count on it.
create table business_calendar_day (
    day        date        primary key,
    kind       varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name_zh    varchar(40) not null,
    name_en    varchar(60) not null,
    changed_by varchar(50) not null,
    changed_at timestamptz not null default now()
);

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
insert into business_calendar_day (day, kind, name_zh, name_en, changed_by)
select d::date, 'HOLIDAY', h.name_zh, h.name_en, 'system'
from (values
        ('2026-01-01', '2026-01-03', '元旦', 'New Year''s Day'),
        ('2026-02-15', '2026-02-23', '春节', 'Spring Festival'),
        ('2026-04-04', '2026-04-06', '清明节', 'Qingming Festival'),
        ('2026-05-01', '2026-05-05', '劳动节', 'Labour Day'),
        ('2026-06-19', '2026-06-21', '端午节', 'Dragon Boat Festival'),
        ('2026-09-25', '2026-09-27', '中秋节', 'Mid-Autumn Festival'),
        ('2026-10-01', '2026-10-07', '国庆节', 'National Day')
     ) as h (from_day, to_day, name_zh, name_en),
     generate_series(h.from_day::date, h.to_day::date, interval '1 day') as d;

insert into business_calendar_day (day, kind, name_zh, name_en, changed_by) values
    ('2026-01-04', 'WORKDAY', '元旦调休上班', 'Worked for New Year''s Day', 'system'),
    ('2026-02-14', 'WORKDAY', '春节调休上班', 'Worked for Spring Festival', 'system'),
    ('2026-02-28', 'WORKDAY', '春节调休上班', 'Worked for Spring Festival', 'system'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班', 'Worked for Labour Day', 'system'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班', 'Worked for National Day', 'system'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班', 'Worked for National Day', 'system');
