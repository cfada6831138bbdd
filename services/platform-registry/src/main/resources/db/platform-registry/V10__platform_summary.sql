create table platform_summary (
    platform_id   varchar(64)  not null primary key,
    credit_code   varchar(18)  not null,
    name          varchar(200) not null,
    district      varchar(32)  not null,
    industry      varchar(64)  not null,
    legal_form    varchar(32)  not null,
    lead_model    varchar(32)  not null,
    status        varchar(32)  not null,
    registered_on date         not null
);
