-- The key-account scorecard 大客户开发五要素 (METHODOLOGY §3): five ladders of checkpoints 0–6, as data the process
-- owner edits (labels in Chinese and English; which level of which element needs the manager's verification).
-- An opportunity's current levels, every change with its evidence, and the veto holders' statuses.
create table scorecard_element (
    code              varchar(20)  primary key,
    position          integer      not null,
    name_zh           varchar(20)  not null,
    name_en           varchar(40)  not null,
    question_zh       varchar(200) not null,
    question_en       varchar(300) not null,
    -- a claim of this level or higher is verified by the owner's manager; null: never
    verify_from_level integer      check (verify_from_level between 1 and 6)
);

create table scorecard_checkpoint (
    element_code varchar(20)  not null references scorecard_element (code),
    level        integer      not null check (level between 0 and 6),
    label_zh     varchar(300) not null,
    label_en     varchar(300) not null,
    primary key (element_code, level)
);

create table opportunity_score (
    opportunity_id bigint      not null references opportunity (id),
    element_code   varchar(20) not null references scorecard_element (code),
    level          integer     not null default 0 check (level between 0 and 6),
    changed_at     timestamptz not null default now(),
    changed_by     varchar(50),
    primary key (opportunity_id, element_code)
);

-- Rows are only added, and a verification only fills in its verdict: who, when, from → to, and the evidence.
create table score_change (
    id                bigserial primary key,
    opportunity_id    bigint        not null references opportunity (id),
    element_code      varchar(20)   not null references scorecard_element (code),
    from_level        integer       not null check (from_level between 0 and 6),
    to_level          integer       not null check (to_level between 0 and 6),
    evidence_kind     varchar(20)   not null check (evidence_kind in ('NOTE', 'LINK', 'FILE', 'FOLLOW_UP')),
    evidence_text     varchar(2000) not null,
    evidence_link     varchar(1000),
    evidence_file_name varchar(255),
    evidence_file_type varchar(150),
    evidence_file     bytea,
    changed_by        varchar(50)   not null,
    changed_at        timestamptz   not null default now(),
    status            varchar(20)   not null check (status in ('ACCEPTED', 'PENDING', 'REJECTED')),
    verified_by       varchar(50),
    verified_at       timestamptz,
    verdict_reason    varchar(1000),
    -- the verification process instance of a pending claim (instance keys repeat across engine epochs)
    verification_instance bigint,
    verification_epoch    varchar(64)
);
create index score_change_opportunity on score_change (opportunity_id, id);

create table veto_holder (
    opportunity_id bigint       not null references opportunity (id),
    department     varchar(40)  not null,
    status         varchar(20)  not null check (status in ('UNKNOWN', 'CONTACTED', 'CONCERNS', 'AGREED')),
    note           varchar(1000),
    changed_by     varchar(50),
    changed_at     timestamptz  not null default now(),
    primary key (opportunity_id, department)
);

insert into scorecard_element (code, position, name_zh, name_en, question_zh, question_en, verify_from_level) values ('NEED', 1, '需求', 'Need', '我们掌握的是客户的真实需求，而不只是表面的要求吗？', 'Do we hold the customer''s real need, not just the stated request?', 4);
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 0, '尚不了解客户需求', 'No need known');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 1, '收到客户的明确要求（如“全国建七个仓”）', 'Stated request received ("seven warehouses nationwide")');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 2, '找到背后的痛点（如时效问题导致客诉和销售损失）', 'Underlying pain found (delivery time causes complaints and lost sales)');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 3, '用客户自己的数据量化了痛点', 'Pain quantified with the customer''s data');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 4, '客户确认了我们对需求的表述', 'Customer confirms our statement of the need');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 5, '需求与决策人的议程和预算挂钩', 'Need tied to the decision maker''s agenda and budget');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('NEED', 6, '需求基线达成一致（询价或方案范围）', 'Requirement baseline agreed (scope of RFQ / solution)');
insert into scorecard_element (code, position, name_zh, name_en, question_zh, question_en, verify_from_level) values ('POWER', 2, '权力', 'Power', '我们接触到签字的人，以及每个能说“不”的部门了吗？', 'Have we reached the person who signs, and every department that can say no?', 4);
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 0, '决策人不知道我们参与', 'Decision maker does not know we take part');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 1, '对接人已向决策人提到我们', 'Our contact has told the decision maker');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 2, '对接人推荐我们并安排了会面', 'Contact recommended us and arranged a meeting');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 3, '我们见到了决策人', 'We met the decision maker');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 4, '决策人认可我们的能力和方案', 'Decision maker endorses our capability and solution');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 5, '决策人同意联合计划并指定负责人', 'Decision maker agrees a joint plan and names an owner');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('POWER', 6, '决策人口头同意签约', 'Decision maker verbally agrees to sign');
insert into scorecard_element (code, position, name_zh, name_en, question_zh, question_en, verify_from_level) values ('GOALS', 3, '目标', 'Goals', '我们的成果能服务每位决策人自己的目标吗？', 'Do our results serve each decision maker''s own goal?', null);
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 0, '不了解各方的目标', 'Goals unknown');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 1, '了解对接人的目标（如客诉率降到 X%）', 'Contact''s goal known (e.g. complaint rate down to X%)');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 2, '了解决策人的目标（收入、利润）', 'Decision maker''s goal known (revenue, profit)');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 3, '了解其他相关方的目标（技术：人工成本；业务：满意度）', 'Other stakeholders'' goals known (tech: labour cost; business: satisfaction)');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 4, '已按这些目标量化我们带来的收益', 'Our benefits quantified against those goals');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 5, '客户认同我们能达成这些目标', 'Customer agrees we meet them');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('GOALS', 6, '成功标准（KPI / SLA）写入提案或合同草案', 'Success measures (KPI / SLA) written into the proposal or contract draft');
insert into scorecard_element (code, position, name_zh, name_en, question_zh, question_en, verify_from_level) values ('VALUE', 4, '价值', 'Value', '我们的价值是客户眼中的价值，而不是我们产品的功能吗？', 'Is our value the customer''s value, not our product''s features?', 4);
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 0, '只介绍了产品功能', 'Only features presented');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 1, '形成了价值假设', 'Value hypothesis formed');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 2, '向对接人呈现了价值', 'Value presented to the contact');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 3, '对接人认可这一价值', 'Contact acknowledges it');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 4, '用客户数据量化并验证了价值（主机厂要的是集装箱“准时”而不是“更快”）', 'Value quantified and checked with customer data (containers on time, not fast)');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 5, '决策人认可这一价值', 'Decision maker acknowledges it');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('VALUE', 6, '价值得到书面确认', 'Value confirmed in writing');
insert into scorecard_element (code, position, name_zh, name_en, question_zh, question_en, verify_from_level) values ('COLLABORATION', 5, '协同', 'Collaboration', '是否有一个计划，让客户和我们各部门一起推进？', 'Is there one plan that moves the customer and our own departments together?', null);
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 0, '没有计划', 'No plan');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 1, '组建了内部项目团队（销售、方案、运营）', 'Internal deal team formed (sales, solution, operations)');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 2, '明确了客户方牵头人', 'Customer-side lead named');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 3, '起草了各部门参与的联合行动计划', 'Joint action plan drafted with every department involved');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 4, '决策人认可计划', 'Decision maker endorses the plan');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 5, '计划按期推进，内部阻力已清除', 'Plan on schedule, internal resistance cleared');
insert into scorecard_checkpoint (element_code, level, label_zh, label_en) values ('COLLABORATION', 6, '各方就合同和实施时间表达成一致', 'All parties agree the contract and implementation timeline');
