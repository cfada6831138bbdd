-- Command side: people and their personal data keys, kept apart from the events (PIPL).
-- wrapped_key is the person's AES-256 data key wrapped under the master key (which never reaches the database);
-- erasure sets it and lookup_hash to null, which makes every ciphertext of the person unreadable for good.
create table personal_data_key (
    person_id     varchar(36) not null primary key,
    key_id        varchar(36) not null unique,
    wrapped_key   bytea,
    master_key_id varchar(16) not null,
    lookup_hash   varchar(64) unique,
    created_at    timestamp(6) with time zone not null,
    erased_at     timestamp(6) with time zone
);

-- Which enrollments each person has; at most one open at a time (written in the command's transaction).
create table person_enrollment (
    enrollment_id varchar(36) not null primary key,
    person_id     varchar(36) not null references personal_data_key (person_id),
    open          boolean     not null
);
create unique index person_enrollment_one_open on person_enrollment (person_id) where open;
create index person_enrollment_person on person_enrollment (person_id);

-- Views (projections, rebuilt from events). pool_quota is replaced by pool_year, which also counts movements.
drop table pool_quota;
delete from token_entry where processor_name = 'pool-quota';

create table pool_year (
    pool_year        integer not null primary key,
    quota_posts      integer,
    quota_decided_on date,
    quota_reason     varchar(500),
    admitted         integer not null default 0,
    exited           integer not null default 0
);

-- Personal data only as ciphertext (decrypted at the API for the institute's role), cleared on erasure.
create table enrollment (
    enrollment_id         varchar(36)  not null primary key,
    person_id             varchar(36)  not null,
    key_id                varchar(36)  not null,
    name_ciphertext       text,
    id_number_ciphertext  text,
    phone_ciphertext      text,
    personal_data_erased  boolean      not null default false,
    erased_on             date,
    employer_credit_code  varchar(18)  not null,
    employer_platform_id  varchar(64),
    position              varchar(100),
    hire_date             date         not null,
    title_level           varchar(30)  not null,
    field                 varchar(60)  not null,
    state                 varchar(20)  not null,
    applied_on            date         not null,
    policy_version        varchar(40)  not null,
    reviewed_on           date,
    council_resolution    varchar(100),
    council_decided_on    date,
    rejection_stage       varchar(20),
    rejection_reason_ciphertext text,
    rejected_on           date,
    withdrawn_on          date,
    admitted_on           date,
    terms_version         varchar(40),
    term_ends_on          date,
    next_review_due       date,
    last_review_on        date,
    last_review_outcome   varchar(10),
    exit_reason           varchar(20),
    exited_on             date,
    last_event_at         timestamp(6) with time zone not null
);
create index enrollment_state on enrollment (state);
create index enrollment_employer on enrollment (employer_credit_code);
create index enrollment_person on enrollment (person_id);

-- Every event of an enrollment, for its history. details never holds personal data; notes stay ciphertext.
create table enrollment_history (
    enrollment_id   varchar(36)  not null,
    sequence_number bigint       not null,
    event_type      varchar(60)  not null,
    occurred_on     date,
    recorded_at     timestamp(6) with time zone not null,
    actor           varchar(200),
    actor_role      varchar(40),
    details         text         not null,
    note_ciphertext text,
    primary key (enrollment_id, sequence_number)
);

-- Registry platforms as this service knows them (registry.platform.v1).
create table employer_platform (
    platform_id   varchar(64)  not null primary key,
    credit_code   varchar(18)  not null,
    name          varchar(200),
    status        varchar(20)  not null,
    level         varchar(20),
    registered_at timestamp(6) with time zone not null,
    last_event_at timestamp(6) with time zone not null
);
create index employer_platform_credit_code on employer_platform (credit_code);
