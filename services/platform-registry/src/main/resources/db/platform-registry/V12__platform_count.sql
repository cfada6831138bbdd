-- Platforms per (status, level, industry, district), kept by the platform-summary projection with every change of
-- status or level: the dashboard reads a few hundred counts instead of grouping every platform on each request.
-- level is '' when the platform holds none (a key column cannot be null).
create table platform_count (
    status   varchar(32) not null,
    level    varchar(16) not null,
    industry varchar(64) not null,
    district varchar(32) not null,
    n        integer     not null,
    primary key (status, level, industry, district)
);

insert into platform_count (status, level, industry, district, n)
select status, coalesce(level, ''), industry, district, count(*)
from platform_summary
group by status, coalesce(level, ''), industry, district;
