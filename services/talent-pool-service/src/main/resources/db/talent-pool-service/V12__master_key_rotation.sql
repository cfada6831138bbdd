-- Command side: master-key rotations in progress and done (who started them and when is in the event store,
-- MasterKeyRotationStarted/Completed/Abandoned). At most one runs at a time.
create table master_key_rotation (
    rotation_id      varchar(36) not null primary key,
    from_key_id      varchar(16) not null,
    to_key_id        varchar(16) not null,
    keys_to_rewrap   integer     not null,
    keys_rewrapped   integer     not null default 0,
    state            varchar(10) not null,
    started_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    ended_at         timestamp(6) with time zone,
    end_reason       varchar(200)
);
create unique index master_key_rotation_one_running on master_key_rotation ((state)) where state = 'RUNNING';
create index personal_data_key_master_key on personal_data_key (master_key_id) where wrapped_key is not null;
