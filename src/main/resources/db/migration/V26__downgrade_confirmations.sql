-- A strategic customer's downgrade is confirmed in its own process instance (customer-downgrade.bpmn), started after the
-- re-tiering batch commits. The pending change remembers its instance and engine epoch, so that a confirmation the
-- engine forgot (a restart of the embedded engine) or never received is started again, once.
alter table customer_tier_change add column confirmation_instance bigint;
alter table customer_tier_change add column confirmation_epoch text;
create index customer_tier_change_pending on customer_tier_change (id) where status = 'PENDING';
