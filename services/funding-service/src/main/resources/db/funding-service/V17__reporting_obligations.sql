-- Reporting obligations (issue 17): each contracted project's report schedule, the notices the business clock brings
-- (reminder, overdue, escalation, suspension proposal) and the disbursement holds of overdue reports.

-- command side: the open holds by recipient, written in the transaction of the command that decides them
-- (JdbcRecipientHolds); a disbursement under the recipient-wide rule asks it in its own transaction
create table recipient_hold (
    project_id            varchar(64) not null,
    obligation_id         varchar(64) not null,
    recipient_credit_code varchar(18) not null,
    report_kind           varchar(30) not null,
    due_on                date        not null,
    started_on            date        not null,
    primary key (project_id, obligation_id)
);
create index recipient_hold_by_recipient on recipient_hold (recipient_credit_code, due_on);

-- views rebuilt from the event store (ReportingProjection)
create table project_reporting (
    project_id            varchar(64)  not null primary key,
    recipient_credit_code varchar(18)  not null,
    reporting_version     varchar(40)  not null,
    contract_signed_on    date         not null,
    remind_days           integer      not null,
    grace_days            integer      not null,
    resubmit_days         integer      not null,
    escalate_after_days   integer      not null,
    propose_after_days    integer      not null,
    hold_across_recipient boolean      not null
);

create table report_obligation (
    project_id             varchar(64)  not null,
    obligation_id          varchar(64)  not null,
    recipient_credit_code  varchar(18)  not null,
    report_kind            varchar(30)  not null,
    due_on                 date         not null,
    cycle                  integer      not null,
    status                 varchar(20)  not null,
    reminded_cycle         integer      not null,
    overdue_on             date,
    escalated_on           date,
    suspension_proposed_on date,
    submitted_on           date,
    document_sha256        varchar(64),
    reference              varchar(200),
    submitted_by           varchar(255),
    decided_by             varchar(255),
    decided_on             date,
    return_reason          varchar(500),
    primary key (project_id, obligation_id)
);
create index report_obligation_due on report_obligation (status, due_on);
create index report_obligation_overdue on report_obligation (overdue_on) where overdue_on is not null;

create table disbursement_hold (
    project_id            varchar(64) not null,
    obligation_id         varchar(64) not null,
    recipient_credit_code varchar(18) not null,
    report_kind           varchar(30) not null,
    due_on                date        not null,
    started_on            date        not null,
    lifted_on             date,
    lift_reason           varchar(40),
    reporting_version     varchar(40) not null,
    recorded_at           timestamp(6) with time zone not null,
    lifted_at             timestamp(6) with time zone,
    primary key (project_id, obligation_id, started_on)
);
create index disbursement_hold_by_recipient on disbursement_hold (recipient_credit_code, started_on);

create table report_notice (
    notice_id             varchar(200) not null primary key,
    notice_type           varchar(30)  not null,
    project_id            varchar(64)  not null,
    obligation_id         varchar(64)  not null,
    report_kind           varchar(30)  not null,
    recipient_type        varchar(20)  not null,
    recipient_ref         varchar(64)  not null,
    recipient_credit_code varchar(18)  not null,
    due_on                date         not null,
    issued_on             date         not null,
    reporting_version     varchar(40)  not null,
    recorded_at           timestamp(6) with time zone not null
);
create index report_notice_by_recipient on report_notice (recipient_type, recipient_ref, recorded_at);
create index report_notice_by_project on report_notice (project_id, recorded_at);
