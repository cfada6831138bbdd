-- Four-eyes payment approval (issue 16): disbursement requests and approvers' delegations, views rebuilt from the
-- event store (PaymentApprovalProjection); the audit trail names requester and approver of every payment.

create table disbursement_request (
    request_id        varchar(64)  not null primary key,
    project_id        varchar(64)  not null,
    tranche_no        integer      not null,
    amount_fen        bigint       not null,
    document_ref      varchar(200),
    reason            varchar(500),
    requested_by      varchar(255) not null,
    requested_on      date         not null,
    expires_on        date         not null,
    level             integer      not null,
    status            varchar(20)  not null,
    decided_by        varchar(255),
    decided_on        date,
    decision_reason   varchar(500),
    approval_version  varchar(40)  not null
);
create index disbursement_request_pending on disbursement_request (status, level, amount_fen, requested_on);
create index disbursement_request_by_project on disbursement_request (project_id, requested_on);

create table approver_delegation (
    approver     varchar(255) not null,
    version      varchar(20)  not null,
    level        integer      not null,
    limit_fen    bigint       not null,
    reason       varchar(500),
    set_by       varchar(255) not null,
    effective_on date         not null,
    recorded_at  timestamp(6) with time zone not null,
    primary key (approver, version)
);

alter table money_event add column requested_by varchar(255);
alter table money_event add column approved_by varchar(255);
