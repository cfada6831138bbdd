-- open-data's read model. Every row comes from a published integration event (the ce_id ledger, processed_message,
-- makes each apply once); nothing here is read from, or could be joined with, a service's own tables. The whole read
-- model can be emptied and rebuilt by replaying the topics from offset 0.

-- One row: the read model's generation, a new one after every rebuild, so that no ETag of the old one matches.
create table read_model (
    singleton  boolean primary key default true check (singleton),
    generation uuid    not null
);
insert into read_model (generation) values (gen_random_uuid());

-- How far the intake has read each partition, written in the transaction of each applied event: the intake resumes
-- from here, not from the consumer group's committed offsets, so an empty read model is always read from offset 0.
create table intake_position (
    topic       varchar(200) not null,
    partition   integer      not null,
    next_offset bigint       not null,
    primary key (topic, partition)
);

-- A counter per published dataset, raised with every event applied to it: the ETags are made of these.
create table dataset (
    name       varchar(20) primary key,
    version    bigint      not null,
    changed_at timestamp(6) with time zone
);
insert into dataset (name, version) values ('platforms', 0), ('calls', 0), ('awards', 0), ('pool', 0);

-- Platforms as the registry publishes them. Public once ever recognized (an application alone is not published).
create table platform (
    platform_id            varchar(64) primary key,
    credit_code            varchar(18) not null,
    name                   varchar(200),
    district_code          varchar(40),
    district_label         varchar(40),
    industry_code          varchar(60),
    registered_on          date,
    status                 varchar(30) not null default 'REGISTERED',
    level                  varchar(20),
    first_recognized_on    date,
    recognized_on          date,
    revoked_on             date,
    reapplication_opens_on date,
    open_rectifications    integer     not null default 0,
    ever_recognized        boolean     not null default false
);
create index platform_public_order on platform (credit_code, platform_id) where ever_recognized and name is not null;
create index platform_by_credit_code on platform (credit_code);
create index platform_by_district on platform (district_code);
create index platform_by_industry on platform (industry_code);

-- The grade of each year's evaluation (EXCELLENT, GOOD, PASS, FAIL, or NOT_ATTENDED[_JUSTIFIED]); never a score.
create table platform_grade (
    platform_id varchar(64) not null,
    year        integer     not null,
    grade       varchar(30) not null,
    decided_on  date        not null,
    primary key (platform_id, year)
);

-- Periods of recognition (recognized or re-recognized, until revoked): "recognized in year Y" reads these.
create table recognition_period (
    platform_id varchar(64) not null,
    started_on  date        not null,
    ended_on    date,
    primary key (platform_id, started_on)
);

create table challenge_call (
    call_id           varchar(64) primary key,
    year              integer,
    title             varchar(200),
    opened_on         date,
    list_published_on date
);
create index challenge_call_order on challenge_call (year desc, call_id);

-- The published list (榜单) of each call, in list order.
create table listed_demand (
    call_id                varchar(64)  not null,
    position               integer      not null,
    demand_id              varchar(64)  not null,
    title                  varchar(200) not null,
    industry               varchar(60),
    description            varchar(2000),
    enterprise_credit_code varchar(18)  not null,
    enterprise_tier        varchar(20)  not null,
    budget_ceiling_fen     bigint       not null,
    primary key (call_id, position)
);

-- Awards (funded projects) and their money: tranches paid and funds recovered, one row per published payment.
create table award (
    project_id            varchar(64)  primary key,
    call_id               varchar(64)  not null,
    title                 varchar(200) not null,
    recipient_credit_code varchar(18)  not null,
    recipient_platform_id varchar(64),
    award_fen             bigint       not null,
    awarded_on            date         not null,
    outcome               varchar(20),
    closed_on             date,
    changed_at            timestamp(6) with time zone not null
);
create index award_order on award (awarded_on desc, project_id desc);
create index award_by_call on award (call_id);

create table award_partner (
    project_id  varchar(64) not null,
    position    integer     not null,
    platform_id varchar(64) not null,
    primary key (project_id, position)
);

create table award_money (
    event_id       varchar(200) primary key,
    project_id     varchar(64)  not null,
    kind           varchar(10)  not null check (kind in ('TRANCHE', 'RECOVERY')),
    tranche_number integer,
    amount_fen     bigint       not null,
    on_date        date         not null
);
create index award_money_by_project on award_money (project_id, on_date);

-- The staffing pool: counts by year, and nothing else. No row, column or key of a person or an enrollment.
create table pool_year (
    year             integer primary key,
    quota            integer,
    quota_decided_on date,
    admitted         integer not null default 0,
    exited           integer not null default 0
);
