-- Which registry platform holds which credit code, as the talent service has noted it from registry.platform.v1:
-- written in the transaction of the command that notes the platform's status (RegistryPlatform), read by the
-- admission that names the employer's platform. It replaces the employer_platform view for that decision: a view is
-- filled by a tracking processor that can lag behind (busy, backing off after a database outage, rebuilding), and an
-- admission decided while it lagged named no platform, for good, so the registry never counted the hire.
create table platform_credit_code (
    platform_id varchar(64)                 not null primary key,
    credit_code varchar(18)                 not null,
    noted_at    timestamp(6) with time zone not null
);
create index platform_credit_code_by_code on platform_credit_code (credit_code, noted_at desc);

-- existing platforms: from their PlatformStatusNoted events (Jackson JSON), the credit code of the latest, noted when
-- the first was
insert into platform_credit_code (platform_id, credit_code, noted_at)
select distinct on (d.aggregate_identifier) d.aggregate_identifier,
       convert_from(d.payload, 'UTF8')::jsonb ->> 'creditCode',
       f.time_stamp::timestamptz
from domain_event_entry d
         join domain_event_entry f on f.aggregate_identifier = d.aggregate_identifier and f.sequence_number = 0
where d.payload_type = 'cn.gov.wenzhou.kjj.talent.command.RegistryPlatform$PlatformStatusNoted'
  and convert_from(d.payload, 'UTF8')::jsonb ->> 'creditCode' is not null
order by d.aggregate_identifier, d.sequence_number desc;
