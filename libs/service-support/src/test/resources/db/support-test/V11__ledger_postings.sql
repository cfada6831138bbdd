-- The parking tests' projection: deliberately narrower than the events it reads (name up to 40 characters, total an
-- integer), the way a projection's column can be narrower than the domain, so that a real SQL error stops an event.
create table ledger_posting_total (
    ledger_id varchar(64) not null primary key,
    name      varchar(40) not null,
    total_fen integer     not null
);
