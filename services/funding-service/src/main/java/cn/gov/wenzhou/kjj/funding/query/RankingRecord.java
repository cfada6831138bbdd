package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationsRanked;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts a call's ranking rested on, read from the call's own ranking event in the event store: the band within
 * which scores count as equal, the parameter version, and what the bureau knew at review time — each platform's
 * standing as the registry had reported it, and each organisation's recorded tier. With them a reader sees why each
 * bid stands where it does, as it was decided, not as things stand today.
 */
@Component
public class RankingRecord {

    private final EventStore eventStore;

    public RankingRecord(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The call's ranking; {@code 404} for an unknown call or one not ranked yet. */
    public Facts of(String callId) {
        DomainEventStream events = eventStore.readEvents(callId);
        boolean isCall = false;
        DomainEventMessage<?> ranked = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!isCall && !(event.getPayload() instanceof ChallengeCallOpened)) {
                break;
            }
            isCall = true;
            if (event.getPayload() instanceof ApplicationsRanked) {
                ranked = event;
            }
        }
        if (!isCall) {
            throw new NotFoundException("call", callId);
        }
        if (ranked == null) {
            throw new NotFoundException("ranking of call", callId);
        }
        ApplicationsRanked ranking = (ApplicationsRanked) ranked.getPayload();
        Map<String, String> standings = new TreeMap<>();
        ranking.standings().forEach((platformId, standing) -> standings.put(platformId, standing.name()));
        Map<String, String> tiers = new TreeMap<>();
        if (ranking.enterpriseTiers() != null) {
            ranking.enterpriseTiers().forEach((creditCode, tier) -> tiers.put(creditCode, tier.name()));
        }
        return new Facts(callId, ranking.rankedOn(), ranked.getTimestamp(), ranking.parameterVersion(),
                ranking.equalScoreBand(), standings, tiers);
    }

    /**
     * @param equalScoreBand    bids of one demand whose mean scores differ by at most this much count as equal
     * @param platformStandings each bidding platform's standing at review time, by platform id
     * @param enterpriseTiers   each bidding organisation's recorded tier at review time, by credit code (empty for
     *                          rankings stored before tiers were recorded)
     */
    @Schema(description = "What a call's ranking rested on, as recorded when it was made")
    public record Facts(String callId, LocalDate rankedOn, Instant recordedAt, String parameterVersion,
                        BigDecimal equalScoreBand,
                        @Schema(description = "platform id → REGISTERED, RECOGNIZED, UNDER_RECTIFICATION or REVOKED")
                        Map<String, String> platformStandings,
                        @Schema(description = "credit code → LEADING, CHAIN_LEADER or OTHER")
                        Map<String, String> enterpriseTiers) {
    }
}
