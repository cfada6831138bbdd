-- The ce_id of every integration event a consumer has applied, written in the same transaction as the effect:
-- a redelivered Kafka record finds its row and changes nothing.
create table processed_message (
    consumer     varchar(100) not null,
    message_id   varchar(200) not null,
    processed_at timestamp(6) with time zone not null,
    primary key (consumer, message_id)
);
