-- Every stage-gate evaluation (DMN stage-gate on the engine): which stage, whether it passed, and what was unmet
-- (condition, scorecard element, required and current level). The opportunity page and the board show the last one.
create table gate_evaluation (
    id             bigserial primary key,
    opportunity_id bigint      not null references opportunity (id),
    stage          varchar(30) not null,
    passed         boolean     not null,
    unmet          jsonb       not null default '[]',
    evaluated_at   timestamptz not null default now()
);
create index gate_evaluation_opportunity on gate_evaluation (opportunity_id, id);
