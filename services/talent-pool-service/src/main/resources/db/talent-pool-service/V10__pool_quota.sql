create table pool_quota (
    quota_year integer not null primary key,
    posts      integer not null,
    decided_on date    not null
);
