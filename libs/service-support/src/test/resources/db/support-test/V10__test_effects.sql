create table test_effect (
    message_id varchar(200) not null,
    subject    varchar(200) not null
);

create table ledger_balance (
    ledger_id   varchar(64) not null primary key,
    name        varchar(200) not null,
    balance_fen bigint not null,
    postings    integer not null
);
