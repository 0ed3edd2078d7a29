-- Failed sign-ins, per account and per address: after a few wrong passwords the next attempt waits, and the wait
-- grows with each further failure. Shared by every replica; rows of long-quiet keys are removed as failures come in.
create table login_throttle (
    kind            varchar(10)  not null check (kind in ('ACCOUNT', 'ADDRESS')),
    key             varchar(200) not null,
    failures        int          not null,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz,
    primary key (kind, key)
);
