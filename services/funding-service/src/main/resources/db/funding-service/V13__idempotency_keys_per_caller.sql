-- Issue 12, finding 8: an Idempotency-Key belongs to the caller that used it (another caller's same key is a request of
-- its own, never a replay of someone else's answer), and it expires (stb.funding.idempotency.retention).
-- Keys stored before this belonged to nobody in particular: they keep an empty caller and expire like the others.
alter table idempotency_record add column caller varchar(200) not null default '';
alter table idempotency_record drop constraint idempotency_record_pkey;
alter table idempotency_record add primary key (caller, idempotency_key);
create index idempotency_record_created_at on idempotency_record (created_at);
