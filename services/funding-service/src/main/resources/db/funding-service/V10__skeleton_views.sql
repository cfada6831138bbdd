create table platform_standing (
    platform_id     varchar(64)  not null primary key,
    credit_code     varchar(18)  not null,
    name            varchar(200) not null,
    standing        varchar(32)  not null,
    level           varchar(32),
    as_of           timestamp(6) with time zone not null,
    source_event_id varchar(200) not null
);

create table challenge_call (
    call_id   varchar(64)  not null primary key,
    call_year integer      not null,
    title     varchar(200) not null,
    status    varchar(32)  not null,
    opened_on date         not null
);
