package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformIndicators;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.Indicators;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformStanding;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationRefused;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.RecordedPlatformStandings;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Maps the registry's domain events to the published language on {@code registry.platform.v1}, and, after each event
 * that changes a platform's standing, that standing on {@code registry.platform.v2} ({@link PlatformStandingChanged},
 * folded by {@link RecordedPlatformStandings} from the events in the store, so a publisher starting from the beginning
 * of any history emits the standing after every change ever made). Not published: facts recorded from other services
 * (they are those services' events).
 */
@Component
@ProcessingGroup("kafka-publisher")
@DisallowReplay
public class PlatformEventPublisher {

    private final IntegrationEventPublisher publisher;
    private final RecordedPlatformStandings standings;

    public PlatformEventPublisher(IntegrationEventPublisher publisher, RecordedPlatformStandings standings) {
        this.publisher = publisher;
        this.standings = standings;
    }

    /**
     * A registration goes out in both shapes while subscribers move from v1 to v2 (docs/subscribers.md, "Versions"):
     * the same fact with the same {@code ce_id}, so a subscriber reading both topics sees it once.
     */
    @EventHandler
    void on(PlatformRegistered event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered(
                event.platformId(), event.creditCode(), event.name(), event.district().name(),
                event.industry(), event.legalForm().name(), event.leadModel().name(),
                event.registeredOn()), message);
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered(
                event.platformId(), event.creditCode(), event.name(),
                new cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered.District(event.district().name(),
                        event.district().chineseName()),
                new cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered.Industry(event.industry(),
                        event.industryTableVersion()),
                event.legalForm().name(), event.leadModel().name(), event.hosts() == null ? List.of() : List.copyOf(event.hosts()),
                event.registeredOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(PlatformRecognized event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized(event.platformId(),
                event.creditCode(), event.level().name(), event.documentNumber(), event.recognizedOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(PlatformUpgraded event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded(event.platformId(),
                event.creditCode(), event.fromLevel().name(), event.toLevel().name(), event.documentNumber(),
                event.upgradedOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(AnnualReportSubmitted event, EventMessage<?> message) {
        Indicators i = event.indicators();
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.AnnualReportSubmitted(event.platformId(),
                event.creditCode(), event.year(), new PlatformIndicators(i.jointRdCentres(),
                i.cooperationAgreements(), i.provincialProjects(), i.researchFundingFen(), i.inventionPatents(),
                i.fourTechIncomeFen(), i.researchers(), i.incubatedEnterprises(), i.resultsTransferred(),
                i.localEnterprisesServed()), event.submittedOn()), message);
    }

    @EventHandler
    void on(PlatformEvaluated event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated(event.platformId(),
                event.creditCode(), event.year(), event.grade().name(), event.score(), event.parameterVersion(),
                event.evaluatedOn()), message);
    }

    @EventHandler
    void on(EvaluationNotAttended event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.EvaluationNotAttended(event.platformId(),
                event.creditCode(), event.year(), event.justified(), event.recordedOn()), message);
    }

    @EventHandler
    void on(RectificationIssued event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued(event.platformId(),
                event.creditCode(), event.year(), event.supervisingAuthority(), event.issuedOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(RectificationConfirmed event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.RectificationConfirmed(event.platformId(),
                event.creditCode(), event.year(), event.confirmedOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(RecognitionRevoked event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked(event.platformId(),
                event.creditCode(), event.reason().name(), event.revokedOn(), event.reapplicationOpensOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(ReapplicationRefused event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.ReapplicationRefused(event.platformId(),
                event.creditCode(), event.attemptedOn(), event.reopensOn()), message);
    }

    @EventHandler
    void on(ReapplicationAccepted event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.ReapplicationAccepted(event.platformId(),
                event.creditCode(), event.appliedOn()), message);
        publishStanding(message);
    }

    @EventHandler
    void on(PlatformReRecognized event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.registry.PlatformReRecognized(event.platformId(),
                event.creditCode(), event.level().name(), event.documentNumber(), event.recognizedOn()), message);
        publishStanding(message);
    }

    /**
     * The standing right after {@code message}, on v2. Its {@code ce_id} is derived from the domain event's (stable
     * across re-publication, so consumers deduplicate it) but is not the same: on v2 it follows the v2 registration
     * that does carry the domain event's id, and both must be kept.
     */
    private void publishStanding(EventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        PlatformStanding standing = standings.after(event);
        publisher.publish(new PlatformStandingChanged(standing.platformId(), standing.creditCode(), standing.name(),
                        standing.status().name(), standing.level() == null ? null : standing.level().name(),
                        standing.openRectifications(), standing.changedOn(), standing.changedBy()),
                event.getAggregateIdentifier(), standingIdOf(event), event.getTimestamp());
    }

    static String standingIdOf(EventMessage<?> cause) {
        return UUID.nameUUIDFromBytes(("standing:" + cause.getIdentifier()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
