-- The registry's full lifecycle: the credit-code claims of the write side, and the read models of the list, the
-- detail, the indicators and the city dashboard. Sized for 5,000 platforms x 10 years of reports.

-- Write side, not a projection: written in the registering command's transaction, so two concurrent registrations
-- of one code cannot both commit (set-based validation no aggregate can do alone).
create table platform_credit_code (
    credit_code varchar(18) not null primary key,
    platform_id varchar(64) not null unique
);

-- Platforms registered before this migration: the oldest registration of each code keeps it.
insert into platform_credit_code (credit_code, platform_id)
select distinct on (credit_code) credit_code, platform_id
from platform_summary
order by credit_code, registered_on, platform_id;

-- platform_summary is a projection: drop it and delete its token, and its processor rebuilds it from the event store.
drop table platform_summary;
delete from token_entry where processor_name = 'platform-summary';

create table platform_summary (
    platform_id            varchar(64)  not null primary key,
    credit_code            varchar(18)  not null,
    name                   varchar(200) not null,
    district               varchar(32)  not null,
    industry               varchar(64)  not null,
    industry_table_version varchar(32),
    legal_form             varchar(32)  not null,
    lead_model             varchar(32)  not null,
    hosts                  text         not null,
    status                 varchar(32)  not null,
    level                  varchar(16),
    registered_on          date         not null,
    first_recognized_on    date,
    recognized_on          date,
    document_number        varchar(100),
    open_rectifications    integer      not null,
    revoked_on             date,
    revocation_reason      varchar(64),
    reapplication_opens_on date,
    refused_reapplications integer      not null,
    last_evaluated_year    integer,
    last_grade             varchar(16),
    updated_at             timestamp(6) with time zone not null
);
-- the dashboard's one grouping scan and the list's filters
create index platform_summary_breakdown on platform_summary (status, level, industry, district);
create index platform_summary_industry on platform_summary (industry, name, platform_id);
create index platform_summary_district on platform_summary (district, name, platform_id);
create index platform_summary_name on platform_summary (name, platform_id);
create index platform_summary_first_recognized on platform_summary (first_recognized_on);

-- One row per platform and year: the annual report (latest revision), the evaluation, the rectification, and the facts
-- recorded from funding-service and talent-pool-service.
create table platform_year (
    platform_id                varchar(64) not null,
    year                       integer     not null,
    report_revision            integer     not null,
    report_submitted_on        date,
    joint_rd_centres           bigint      not null,
    cooperation_agreements     bigint      not null,
    provincial_projects        bigint      not null,
    research_funding_fen       bigint      not null,
    invention_patents          bigint      not null,
    four_tech_income_fen       bigint      not null,
    researchers                bigint      not null,
    incubated_enterprises      bigint      not null,
    results_transferred        bigint      not null,
    local_enterprises_served   bigint      not null,
    grade                      varchar(16),
    score                      numeric(5, 2),
    parameter_version          varchar(32),
    evaluated_on               date,
    not_attended               boolean     not null,
    attendance_justified       boolean,
    non_attendance_reason      varchar(500),
    rectification_issued_on    date,
    supervising_authority      varchar(64),
    rectification_confirmed_on date,
    projects_won               integer     not null,
    projects_led               integer     not null,
    award_fen                  bigint      not null,
    funds_received_fen         bigint      not null,
    funds_recovered_fen        bigint      not null,
    projects_closed            integer     not null,
    pool_hires_joined          integer     not null,
    pool_hires_left            integer     not null,
    primary key (platform_id, year)
);
create index platform_year_by_year on platform_year (year, grade, platform_id);

-- City totals per year, kept by the same projection as platform_year: the dashboard sums a dozen rows, never 50,000.
create table city_year_totals (
    year                     integer not null primary key,
    reports                  integer not null,
    joint_rd_centres         bigint  not null,
    cooperation_agreements   bigint  not null,
    provincial_projects      bigint  not null,
    research_funding_fen     bigint  not null,
    invention_patents        bigint  not null,
    four_tech_income_fen     bigint  not null,
    researchers              bigint  not null,
    incubated_enterprises    bigint  not null,
    results_transferred      bigint  not null,
    local_enterprises_served bigint  not null,
    projects_won             integer not null,
    projects_led             integer not null,
    award_fen                bigint  not null,
    funds_received_fen       bigint  not null,
    funds_recovered_fen      bigint  not null,
    projects_closed          integer not null,
    pool_hires_joined        integer not null,
    pool_hires_left          integer not null
);
