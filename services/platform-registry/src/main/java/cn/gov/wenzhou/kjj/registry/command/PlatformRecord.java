package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordFundedProjectClosed;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordFundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordPoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordPoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordProjectFundsRecovered;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectClosed;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsRecovered;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What funding-service and talent-pool-service reported about a platform — projects won and closed, funds received
 * and recovered, pool hires joined and left — for its indicators. None of the {@link Platform}'s rules reads these
 * facts (an evaluation arrives with its score), so they are kept in a stream of their own, {@link #idOf}, whatever
 * the platform's standing: a platform's commands never wait on the feeds, nor the feeds on them. Each fact is counted
 * once by its natural key however often it arrives, also when the platform itself recorded it before the facts
 * moved here ({@link FactsRecordedBeforeTheMove}).
 */
@Aggregate
public class PlatformRecord {

    /** Tranches of a funded project, as the funding service numbers them. */
    static final int MAX_TRANCHE = 20;
    private static final String PREFIX = "recorded-for-";

    @AggregateIdentifier
    private String recordId;
    /** Facts recorded here, by their natural key. */
    private final Set<String> recordedFacts = new HashSet<>();

    protected PlatformRecord() {
    }

    /** The identifier of a platform's record: never a platform's own, whose stream holds its own history. */
    public static String idOf(String platformId) {
        return PREFIX + platformId;
    }

    /**
     * The natural key that makes a fact count once ({@link PlatformRecordEvents#naturalKey}); empty for any other
     * event of a platform's stream.
     */
    public static Optional<String> keyOf(Object event) {
        return event instanceof PlatformRecordEvents fact ? Optional.of(fact.naturalKey()) : Optional.empty();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFundedProjectWon command, FactsRecordedBeforeTheMove earlier) {
        FundedProjectWon won = new FundedProjectWon(command.platformId(), command.projectId(), command.callId(),
                command.title(), command.role(), command.role() == ProjectRole.LEAD ? command.awardFen() : 0,
                command.awardedOn(), command.sourceEventId());
        if (alreadyRecorded(command.platformId(), won, earlier)) {
            return;
        }
        Bounds.fen(command.awardFen(), "awardFen");
        apply(won);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordProjectFundsReceived command, FactsRecordedBeforeTheMove earlier) {
        ProjectFundsReceived received = new ProjectFundsReceived(command.platformId(), command.projectId(),
                command.trancheNumber(), command.amountFen(), command.disbursedOn(), command.sourceEventId());
        if (alreadyRecorded(command.platformId(), received, earlier)) {
            return;
        }
        Bounds.within(command.trancheNumber(), 1, MAX_TRANCHE, "trancheNumber");
        Bounds.fen(command.amountFen(), "amountFen");
        apply(received);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordProjectFundsRecovered command, FactsRecordedBeforeTheMove earlier) {
        ProjectFundsRecovered recovered = new ProjectFundsRecovered(command.platformId(), command.projectId(),
                command.amountFen(), command.recoveredOn(), command.sourceEventId());
        if (alreadyRecorded(command.platformId(), recovered, earlier)) {
            return;
        }
        Bounds.fen(command.amountFen(), "amountFen");
        apply(recovered);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFundedProjectClosed command, FactsRecordedBeforeTheMove earlier) {
        recordOnce(command.platformId(), new FundedProjectClosed(command.platformId(), command.projectId(),
                command.outcome(), command.closedOn(), command.sourceEventId()), earlier);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPoolHireJoined command, FactsRecordedBeforeTheMove earlier) {
        recordOnce(command.platformId(), new PoolHireJoined(command.platformId(), command.enrollmentId(),
                command.field(), command.titleLevel(), command.admittedOn(), command.sourceEventId()), earlier);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPoolHireLeft command, FactsRecordedBeforeTheMove earlier) {
        recordOnce(command.platformId(), new PoolHireLeft(command.platformId(), command.enrollmentId(),
                command.reason(), command.exitedOn(), command.sourceEventId()), earlier);
    }

    private void recordOnce(String platformId, PlatformRecordEvents fact, FactsRecordedBeforeTheMove earlier) {
        if (!alreadyRecorded(platformId, fact, earlier)) {
            apply(fact);
        }
    }

    /** This record is asked first; the platform's own stream only about a fact this record has not seen. */
    private boolean alreadyRecorded(String platformId, PlatformRecordEvents fact,
                                    FactsRecordedBeforeTheMove earlier) {
        String key = fact.naturalKey();
        return recordedFacts.contains(key) || earlier.keysOf(platformId).contains(key);
    }

    @EventSourcingHandler
    void on(FundedProjectWon event) {
        recorded(event);
    }

    @EventSourcingHandler
    void on(ProjectFundsReceived event) {
        recorded(event);
    }

    @EventSourcingHandler
    void on(ProjectFundsRecovered event) {
        recorded(event);
    }

    @EventSourcingHandler
    void on(FundedProjectClosed event) {
        recorded(event);
    }

    @EventSourcingHandler
    void on(PoolHireJoined event) {
        recorded(event);
    }

    @EventSourcingHandler
    void on(PoolHireLeft event) {
        recorded(event);
    }

    private void recorded(PlatformRecordEvents fact) {
        recordId = idOf(fact.platformId());
        recordedFacts.add(fact.naturalKey());
    }
}
