package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The pool of special posts. It is the consistency boundary for posts: every admission and exit goes through it,
 * so the quota can never be exceeded, even under concurrent admissions.
 */
@Aggregate
public class StaffingPool {

    /** The pool hosted by the Wenzhou Talent Institute (温州人才院); the city has one. */
    public static final String WENZHOU = "wenzhou-talent-institute";

    @AggregateIdentifier
    private String poolId;
    private final Map<Integer, Integer> quotaByYear = new HashMap<>();

    protected StaffingPool() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetPoolQuota command) {
        if (command.posts() < 0) {
            throw new RuleViolationException("pool.quota-not-negative", "a quota cannot be negative");
        }
        apply(new PoolQuotaSet(command.poolId(), command.year(), command.posts(),
                quotaByYear.getOrDefault(command.year(), 0), command.reason(), command.decidedOn()));
    }

    @EventSourcingHandler
    void on(PoolQuotaSet event) {
        poolId = event.poolId();
        quotaByYear.put(event.year(), event.posts());
    }
}
