package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;

/**
 * The pool's posts as an enrollment sees them. Taking or freeing a post happens on the {@link StaffingPool} aggregate
 * in the same unit of work (one database transaction) as the enrollment's own decision, so an admission and its post
 * commit together or not at all.
 */
public interface PostLedger {

    /** @throws cn.gov.wenzhou.kjj.support.domain.RuleViolationException {@code pool.quota-exhausted} and others */
    void take(String enrollmentId, LocalDate takenOn);

    void free(String enrollmentId, LocalDate freedOn);
}
