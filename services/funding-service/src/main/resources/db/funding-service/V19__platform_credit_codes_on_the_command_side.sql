-- Which registry platform holds which credit code, as funding has recorded it from registry.platform.v1: written in
-- the transaction of the command that records the platform's standing (PlatformStanding), read by the bid that names
-- a partner by its credit code only. It replaces the platform_standing view for that decision: a view is filled by a
-- tracking processor that can lag behind (busy, backing off after a database outage, rebuilding), and a bid submitted
-- while it lagged named no platform, for good: it lost its priority, and its award reached the registry with no
-- platform. changed_at is when the registry recorded the latest change (as the view's as_of), so "the most recently
-- changed platform under a code" is answered as before.
create table platform_credit_code (
    platform_id varchar(64)                 not null primary key,
    credit_code varchar(18)                 not null,
    changed_at  timestamp(6) with time zone not null
);
create index platform_credit_code_by_code on platform_credit_code (credit_code, changed_at desc);

-- existing platforms: from the latest of their PlatformStandingRecorded events (Jackson JSON, whole standing each)
insert into platform_credit_code (platform_id, credit_code, changed_at)
select distinct on (aggregate_identifier) aggregate_identifier,
       convert_from(payload, 'UTF8')::jsonb ->> 'creditCode',
       coalesce((convert_from(payload, 'UTF8')::jsonb ->> 'observedAt')::timestamptz, time_stamp::timestamptz)
from domain_event_entry
where payload_type = 'cn.gov.wenzhou.kjj.funding.command.PlatformStandingRecorded'
  and convert_from(payload, 'UTF8')::jsonb ->> 'creditCode' is not null
order by aggregate_identifier, sequence_number desc;
