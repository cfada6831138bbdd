-- The e-mail outbox (libs/mail-outbox). Versioned 1.7.x, below every service's own migrations (10 and up) and beside
-- db/support (1.0.0) and db/consumer (1.0.1, 1.5.0); services run Flyway out of order, so the sets never clash.
create table mail_outbox (
    id              bigserial    primary key,
    -- the notice's own key (e.g. registry.annual-report-reminder:<platform>:<year>): a notice is queued once
    dedup_key       varchar(200) not null unique,
    -- personal-ish: read only by the sender, never logged
    recipient       varchar(254) not null,
    template        varchar(100) not null,
    template_values text         not null,
    queued_at       timestamp(6) with time zone not null,
    next_attempt_at timestamp(6) with time zone not null,
    attempts        integer      not null default 0,
    last_error      varchar(300),
    sent_at         timestamp(6) with time zone
);
-- the sender's claim and the waiting-mail metrics read only the unsent rows
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;
