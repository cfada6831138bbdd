package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.FreePost;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.TakePost;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostFreed;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostTaken;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The pool of special posts. It is the consistency boundary for posts: every admission and exit goes through it,
 * so the quota can never be exceeded, even under concurrent admissions. It is one hot aggregate for the whole city,
 * hence cached and snapshotted ({@link TalentCommandConfiguration}).
 */
@Aggregate(cache = TalentCommandConfiguration.POOL_CACHE,
        snapshotTriggerDefinition = TalentCommandConfiguration.POOL_SNAPSHOT_TRIGGER)
public class StaffingPool {

    /** The pool hosted by the Wenzhou Talent Institute (温州人才院); the city has one. */
    public static final String WENZHOU = "wenzhou-talent-institute";

    @AggregateIdentifier
    private String poolId;
    private Map<Integer, Integer> quotaByYear = new HashMap<>();
    /** The enrollments holding a post now. */
    private Set<String> heldBy = new HashSet<>();

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

    @CommandHandler
    public void handle(TakePost command) {
        int year = command.takenOn().getYear();
        Integer quota = quotaByYear.get(year);
        if (quota == null) {
            throw new RuleViolationException("pool.no-quota-for-year", "no quota of posts has been set for " + year);
        }
        if (heldBy.contains(command.enrollmentId())) {
            throw new RuleViolationException("pool.post-already-held", "this enrollment already holds a post");
        }
        if (heldBy.size() >= quota) {
            throw new RuleViolationException("pool.quota-exhausted",
                    "all " + quota + " posts of the " + year + " quota are taken (" + heldBy.size() + " held)");
        }
        apply(new PostTaken(poolId, command.enrollmentId(), year, quota, heldBy.size() + 1, command.takenOn()));
    }

    @CommandHandler
    public void handle(FreePost command) {
        if (!heldBy.contains(command.enrollmentId())) {
            throw new RuleViolationException("pool.post-not-held", "this enrollment holds no post");
        }
        apply(new PostFreed(poolId, command.enrollmentId(), command.freedOn().getYear(), heldBy.size() - 1,
                command.freedOn()));
    }

    @EventSourcingHandler
    void on(PoolQuotaSet event) {
        poolId = event.poolId();
        quotaByYear.put(event.year(), event.posts());
    }

    @EventSourcingHandler
    void on(PostTaken event) {
        heldBy.add(event.enrollmentId());
    }

    @EventSourcingHandler
    void on(PostFreed event) {
        heldBy.remove(event.enrollmentId());
    }
}
