-- A job the engine hands out again (its completion was lost, the worker failed after writing) must not act twice:
-- a round remembers the job that opened it, and a gate evaluation the job that made it.
alter table approval_round add column opened_by_job text unique;
alter table gate_evaluation add column job text unique;
