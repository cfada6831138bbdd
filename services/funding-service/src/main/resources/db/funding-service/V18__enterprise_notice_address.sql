-- Where funding's mailer sends an enterprise's notices (issue 17): kept from EnterpriseNoticeAddressSet by the
-- notice-mail processor, read when a reminder or an overdue notice is queued in the mail outbox. Personal-ish data:
-- nothing else reads it.
create table enterprise_notice_address (
    credit_code varchar(18) primary key,
    address     varchar(254) not null
);
