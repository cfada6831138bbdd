package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Takes and frees posts on the city's {@link StaffingPool} inside the caller's unit of work: the pool is loaded (and
 * locked) in the same transaction as the enrollment's decision, and both aggregates' events commit together.
 */
@Component
public class PoolPostLedger implements PostLedger {

    private final Repository<StaffingPool> pools;

    public PoolPostLedger(@Lazy @Qualifier("staffingPoolRepository") Repository<StaffingPool> pools) {
        this.pools = pools;
    }

    @Override
    public void take(String enrollmentId, LocalDate takenOn) {
        AggregateCalls.handle(pool(takenOn), new TakePost(StaffingPool.WENZHOU, enrollmentId, takenOn));
    }

    @Override
    public void free(String enrollmentId, LocalDate freedOn) {
        AggregateCalls.handle(pool(freedOn), new FreePost(StaffingPool.WENZHOU, enrollmentId, freedOn));
    }

    private Aggregate<StaffingPool> pool(LocalDate on) {
        try {
            return pools.load(StaffingPool.WENZHOU);
        } catch (AggregateNotFoundException e) {
            throw new RuleViolationException("pool.no-quota-for-year",
                    "no quota of posts has been set for " + on.getYear());
        }
    }
}
