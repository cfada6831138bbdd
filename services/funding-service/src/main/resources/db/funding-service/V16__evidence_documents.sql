-- Evidence documents (issue 16): contracts, payment orders, vouchers and invoices, acceptance reports and host-unit
-- approvals, stored content-addressed by their SHA-256 (the bytes once, however often they are uploaded). Not a
-- projection: the bytes are the record the money events point to by hash, so nothing here is rebuilt or deleted.

create table evidence_document (
    sha256             char(64)     not null primary key,
    media_type         varchar(100) not null,
    size_bytes         bigint       not null,
    content            bytea        not null,
    -- parsed from an XML or OFD e-invoice (null for any other document): the invoice's identity
    invoice_number     varchar(40),
    seller_tax_id      varchar(40),
    stored_at          timestamp(6) with time zone not null
);

-- who uploaded which document, for which project (if named), when: one row per upload
create table evidence_upload (
    id                 bigint generated always as identity primary key,
    sha256             char(64)     not null references evidence_document (sha256),
    project_id         varchar(64),
    file_name          varchar(200),
    uploaded_by        varchar(255) not null,
    uploaded_at        timestamp(6) with time zone not null
);
create index evidence_upload_by_document on evidence_upload (sha256, id);

-- Invoices claimed by expenditures, across all projects: a set-based rule no project aggregate can check alone. A
-- claim is written in the expenditure command's own transaction under this unique key (the document's bytes, and the
-- e-invoice's seller and number when parsed), so of two concurrent claims of one invoice exactly one commits, and a
-- refused command leaves no claim. Claims are never released.
create table invoice_claim (
    claim_key          varchar(120) not null primary key,
    project_id         varchar(64)  not null,
    expenditure_id     varchar(64)  not null,
    sha256             char(64)     not null
);

-- the audit trail row names its evidence documents (hashes, comma-separated, in the event's order)
alter table money_event add column evidence varchar(1000);
