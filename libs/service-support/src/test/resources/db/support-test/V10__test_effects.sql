create table test_effect (
    message_id varchar(200) not null,
    subject    varchar(200) not null
);
