-- The money ledger (issue 16): an append-only hash chain over the money events of the event store, in the order of
-- their global index, written in the transaction that stores them (MoneyLedger). Definition: ledger-verifier's
-- LedgerEntries / HashChain / MerkleTree, docs/funding-service.md "The money ledger".

create table ledger_entry (
    sequence   bigint       not null primary key,   -- 1, 2, 3, … without gaps
    event_id   varchar(255) not null unique,         -- domain_event_entry.event_identifier
    position   bigint       not null unique,         -- domain_event_entry.global_index
    entry      text         not null,                -- the canonical (RFC 8785) entry: the bytes chained
    entry_hash bytea        not null,                -- SHA-256(previous entry_hash || entry)
    leaf_hash  bytea        not null,                -- SHA-256(0x00 || entry): the Merkle leaf
    constraint ledger_entry_hashes check (length(entry_hash) = 32 and length(leaf_hash) = 32)
);

-- The head: one row, locked (select … for update) by every transaction that stores a money event before the event
-- gets its global index, so money events are stored and chained one transaction at a time, in index order.
create table ledger_head (
    id         smallint not null primary key check (id = 1),
    sequence   bigint   not null,   -- entries chained
    position   bigint   not null,   -- global index of the last chained event (0: none)
    entry_hash bytea    not null,   -- the last entry hash (the genesis value when empty)
    frontier   bytea    not null    -- roots of the perfect Merkle subtrees of the entries (Frontier)
);
insert into ledger_head (id, sequence, position, entry_hash, frontier)
values (1, 0, 0, sha256(convert_to('cn.gov.wenzhou.kjj.funding.money-ledger.v1', 'UTF8')), ''::bytea);
