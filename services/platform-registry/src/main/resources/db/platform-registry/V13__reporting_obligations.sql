-- Reporting obligations (issue 17), kept by the registry-obligations projection: each year's annual report a platform
-- was reminded of or is missing, each rectification notice and its deadline, and the notices as the inbox shows them.
create table annual_report_obligation (
    platform_id       varchar(64) not null,
    year              integer     not null,
    credit_code       varchar(18) not null,
    due_on            date        not null,
    parameter_version varchar(32) not null,
    reminded_on       date,
    missing_since     date,
    -- REPORTED, EVALUATED, NOT_ATTENDED, REVOKED: no longer outstanding
    resolved_on       date,
    resolution        varchar(32),
    primary key (platform_id, year)
);
create index annual_report_outstanding on annual_report_obligation (missing_since, platform_id)
    where resolved_on is null;

create table rectification_follow_up (
    platform_id           varchar(64) not null,
    year                  integer     not null,
    credit_code           varchar(18) not null,
    supervising_authority varchar(64) not null,
    issued_on             date        not null,
    deadline              date,
    parameter_version     varchar(32),
    reminded_on           date,
    overdue_since         date,
    -- CONFIRMED or REVOKED
    closed_on             date,
    closed_how            varchar(32),
    primary key (platform_id, year)
);
create index rectification_open on rectification_follow_up (overdue_since, platform_id) where closed_on is null;

create table registry_notice (
    notice_id             varchar(64) not null primary key,
    platform_id           varchar(64) not null,
    credit_code           varchar(18) not null,
    kind                  varchar(40) not null,
    year                  integer     not null,
    due_on                date        not null,
    supervising_authority varchar(64),
    recorded_on           date        not null,
    recorded_at           timestamp(6) with time zone not null
);
create index registry_notice_by_code on registry_notice (credit_code, recorded_at desc, notice_id);
create index registry_notice_recent on registry_notice (recorded_at desc, notice_id);

-- Where each platform's notices go, kept by the notice mailer from the events (personal-ish: read by the mailer only,
-- never listed by an endpoint).
create table platform_notice_address (
    platform_id varchar(64)  not null primary key,
    address     varchar(254) not null
);
