-- The rebuild-failure tests' projection (LedgerNames): a view that does not park, so that one event it cannot apply
-- stops its processor, as the Kafka publisher or a projection whose parking is full would.
create table ledger_name (
    ledger_id varchar(64)  not null primary key,
    name      varchar(200) not null
);
