-- Login abuse (issue 7): failed sign-ins counted per account from one address and per address, with a temporary lock
-- that grows with each failure and ends by itself (never a lock for good). No row-level security: the table holds
-- no records of people, only counters keyed by a name and an address, and is read before anyone is signed in.
create table login_throttle
(
    key           text collate "C" primary key,
    failures      integer     not null,
    first_failure timestamptz not null,
    locked_until  timestamptz
);
