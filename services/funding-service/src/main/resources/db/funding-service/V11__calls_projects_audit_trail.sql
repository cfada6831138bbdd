-- Platform standing: rectification and revocation news carry no name; awards look platforms up by credit code.
alter table platform_standing alter column name drop not null;
create index platform_standing_by_credit_code on platform_standing (credit_code, as_of desc);

-- Challenge calls (揭榜挂帅): the call, its demands, applications and their members.
alter table challenge_call add column published_on date;
alter table challenge_call add column applications_closed_on date;
alter table challenge_call add column ranked_on date;
alter table challenge_call add column ranking_parameter_version varchar(40);

create table call_demand (
    demand_id              varchar(64)  not null primary key,
    call_id                varchar(64)  not null,
    enterprise_credit_code varchar(18)  not null,
    enterprise_tier        varchar(20)  not null,
    title                  varchar(200) not null,
    industry               varchar(60),
    description            varchar(2000),
    budget_ceiling_fen     bigint       not null,
    submitted_on           date         not null,
    status                 varchar(20)  not null,
    curation_note          varchar(500)
);
create index call_demand_by_call on call_demand (call_id, submitted_on, demand_id);
create index call_demand_by_enterprise on call_demand (enterprise_credit_code);

create table call_application (
    application_id   varchar(64)  not null primary key,
    call_id          varchar(64)  not null,
    demand_id        varchar(64)  not null,
    title            varchar(200) not null,
    lead_credit_code varchar(18)  not null,
    joint            boolean      not null,
    requested_fen    bigint       not null,
    submitted_on     date         not null,
    status           varchar(20)  not null,
    expert_scores    integer      not null,
    mean_score       numeric(6, 2),
    priority         boolean,
    rank_in_demand   integer,
    decline_reason   varchar(500),
    project_id       varchar(64)
);
create index call_application_by_call on call_application (call_id, demand_id, rank_in_demand, application_id);
create index call_application_by_lead on call_application (lead_credit_code, application_id);

create table application_member (
    application_id varchar(64) not null,
    position       integer     not null,
    credit_code    varchar(18) not null,
    tier           varchar(20) not null,
    platform_id    varchar(64),
    primary key (application_id, position)
);

-- Funded projects: totals, budget by category, tranches.
create table funded_project (
    project_id            varchar(64)  not null primary key,
    call_id               varchar(64)  not null,
    application_id        varchar(64)  not null,
    title                 varchar(200) not null,
    recipient_credit_code varchar(18)  not null,
    recipient_platform_id varchar(64),
    status                varchar(20)  not null,
    award_fen             bigint       not null,
    co_funding_fen        bigint       not null,
    disbursed_fen         bigint       not null,
    spent_fen             bigint       not null,
    recovered_fen         bigint       not null,
    recovery_ordered_fen  bigint       not null,
    indirect_cap_fen      bigint       not null,
    outcome               varchar(20),
    settled_balance_fen   bigint,
    balance_disposition   varchar(20),
    parameter_version     varchar(40)  not null,
    category_scheme       varchar(40)  not null,
    awarded_on            date         not null,
    contract_signed_on    date,
    mid_term_passed_on    date,
    acceptance_passed     boolean,
    closed_on             date,
    last_changed_at       timestamp(6) with time zone not null
);
create index funded_project_by_call on funded_project (call_id, project_id);
create index funded_project_by_recipient on funded_project (recipient_credit_code, project_id);

create table project_budget_line (
    project_id varchar(64) not null,
    category   varchar(40) not null,
    kind       varchar(20) not null,
    budget_fen bigint      not null,
    spent_fen  bigint      not null,
    primary key (project_id, category)
);

create table project_tranche (
    project_id    varchar(64) not null,
    tranche_no    integer     not null,
    milestone     varchar(20) not null,
    percent       integer     not null,
    planned_fen   bigint      not null,
    paid_fen      bigint      not null,
    primary key (project_id, tranche_no)
);

-- The finance audit trail: one row per money event, in event-store order (position = the event's global index, so a
-- rebuild reproduces every row). Each filter has an index that ends in position, for keyset pagination.
create table money_event (
    position              bigint       not null primary key,
    event_id              varchar(64)  not null unique,
    project_id            varchar(64)  not null,
    call_id               varchar(64)  not null,
    recipient_credit_code varchar(18)  not null,
    platform_id           varchar(64),
    kind                  varchar(24)  not null,
    amount_fen            bigint       not null,
    category              varchar(40),
    counter_category      varchar(40),
    tranche_no            integer,
    business_date         date         not null,
    recorded_at           timestamp(6) with time zone not null,
    actor                 varchar(200),
    actor_role            varchar(40),
    reason                varchar(500),
    document_ref          varchar(200),
    parameter_version     varchar(40)  not null
);
create index money_event_by_project on money_event (project_id, position);
create index money_event_by_recipient on money_event (recipient_credit_code, position);
create index money_event_by_call on money_event (call_id, position);
create index money_event_by_date on money_event (business_date, position);

-- Idempotency-Key of money-moving requests: written in the same transaction as the command's events, so a repeated
-- key finds the first answer, and a crash leaves either both or neither. Not a projection: never rebuilt.
create table idempotency_record (
    idempotency_key varchar(200) not null primary key,
    method          varchar(10)  not null,
    path            varchar(300) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    response_body   text         not null,
    created_at      timestamp(6) with time zone not null
);
