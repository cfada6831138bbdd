-- Records a Kafka consumer gave up on: poison only (a record that cannot be parsed or applied, or that does not come
-- from its topic's producer); a record that waits for the database is retried, never stored here. The same record
-- also goes to <topic>.<service>.dlt for outside tools; this table is what operators list, replay and discard
-- (/ops/dead-letters), and what health and metrics count. Every text column is unbounded on purpose: a record's
-- headers are whatever its sender wrote, and storing a dead letter must never fail on its content.
create table kafka_dead_letter (
    id                  bigserial   primary key,
    consumer_group      text        not null,
    topic               text        not null,
    topic_partition     integer     not null,
    record_offset       bigint      not null,
    record_timestamp    bigint      not null,
    record_key          text,
    record_value        bytea,
    record_headers      text        not null,  -- JSON array of {name, value: base64}, in the record's order
    ce_id               text,
    ce_type             text,
    ce_source           text,
    reason              text        not null,
    dead_lettered_at    timestamptz not null,
    status              text        not null,  -- PENDING, REPLAYED, DISCARDED
    resolved_at         timestamptz,
    resolved_by         text,
    resolution          text,
    last_replay_failure text,
    constraint kafka_dead_letter_record unique (consumer_group, topic, topic_partition, record_offset)
);

create index kafka_dead_letter_by_status on kafka_dead_letter (status, id);
