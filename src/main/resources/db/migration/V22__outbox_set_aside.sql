-- A document Elasticsearch rejects is set aside with its error and tried again later (backoff), while the rest of
-- the outbox flows on. Admins see the set-aside entries on /operations.
alter table search_outbox add column next_attempt_at timestamptz;
create index search_outbox_set_aside on search_outbox (next_attempt_at) where next_attempt_at is not null;
