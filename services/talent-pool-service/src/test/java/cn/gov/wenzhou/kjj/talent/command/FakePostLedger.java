package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The pool as an enrollment fixture sees it: a number of free posts (the pool's own rules: StaffingPoolTest). */
final class FakePostLedger implements PostLedger {

    int free;
    final List<String> taken = new ArrayList<>();
    final List<String> freed = new ArrayList<>();

    FakePostLedger(int free) {
        this.free = free;
    }

    @Override
    public void take(String enrollmentId, LocalDate takenOn) {
        if (free == 0) {
            throw new RuleViolationException("pool.quota-exhausted", "all posts are taken");
        }
        free--;
        taken.add(enrollmentId);
    }

    @Override
    public void free(String enrollmentId, LocalDate freedOn) {
        free++;
        freed.add(enrollmentId);
    }
}
