-- Issue 12, finding 7: the duplicate check no longer spans employers (it told any employer whether an ID number was in
-- the pool, and let one block a rival's hire by filing first). A person has at most one open enrollment per employer;
-- across employers the institute reviews the duplicate; at admission, one person holds at most one post.

alter table person_enrollment add column employer_credit_code varchar(18);
-- existing rows: the employer from the enrollment's first event (EnrollmentApplied, Jackson JSON)
update person_enrollment p
set employer_credit_code = convert_from(d.payload, 'UTF8')::jsonb ->> 'employerCreditCode'
from domain_event_entry d
where d.aggregate_identifier = p.enrollment_id
  and d.sequence_number = 0
  and d.payload_type = 'cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents$EnrollmentApplied';
alter table person_enrollment alter column employer_credit_code set not null;

drop index person_enrollment_one_open;
create unique index person_enrollment_one_open_per_employer on person_enrollment (person_id, employer_credit_code)
    where open;

-- The person who holds a post, and by which enrollment (written in the admission's transaction, deleted at exit).
create table person_post (
    person_id     varchar(36) not null primary key references personal_data_key (person_id),
    enrollment_id varchar(36) not null unique references person_enrollment (enrollment_id)
);
-- existing rows: an open enrollment that was admitted holds its post (an exit closes the enrollment)
insert into person_post (person_id, enrollment_id)
select p.person_id, p.enrollment_id
from person_enrollment p
where p.open
  and exists (select 1 from domain_event_entry d
              where d.aggregate_identifier = p.enrollment_id
                and d.payload_type = 'cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents$HireAdmitted');
