-- Issue 12, finding 6: an enterprise's tier is the bureau's record, and a partner confirms its part in a joint bid.

-- the current tier of every enterprise the bureau recorded (projection enterprise-tiers); history: the event store
create table enterprise_tier (
    credit_code      varchar(18)  not null primary key,
    tier             varchar(20)  not null,
    reason           varchar(500) not null,
    document_ref     varchar(200),
    recorded_on      date         not null,
    recorded_by      varchar(200),
    recorded_by_role varchar(40),
    recorded_at      timestamp(6) with time zone not null
);
create index enterprise_tier_tier on enterprise_tier (tier, credit_code);

-- when a partner confirmed its part (null: not confirmed, the bid does not count it)
alter table application_member add column confirmed_on date;
create index application_member_credit_code on application_member (credit_code, application_id);
-- whether the ranking counted the bid as joint (null: not ranked, or ranked before confirmations existed)
alter table call_application add column ranked_as_joint boolean;
