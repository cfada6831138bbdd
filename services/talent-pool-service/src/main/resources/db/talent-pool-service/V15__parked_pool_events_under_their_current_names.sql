-- The pool's events moved from files of their own into StaffingPoolEvents. The event store is read through
-- TalentEventRenames, but Axon reads a parked event (dead_letter_entry) without the upcasters: a pool event parked
-- under its old name is renamed where it lies, so that a retry can still read it. The payload is unchanged.
update dead_letter_entry set payload_type = 'cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents$PoolQuotaSet'
where payload_type = 'cn.gov.wenzhou.kjj.talent.command.PoolQuotaSet';
update dead_letter_entry set payload_type = 'cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents$PostTaken'
where payload_type = 'cn.gov.wenzhou.kjj.talent.command.PostTaken';
update dead_letter_entry set payload_type = 'cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents$PostFreed'
where payload_type = 'cn.gov.wenzhou.kjj.talent.command.PostFreed';
