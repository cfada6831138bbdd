package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.registry.command.CreditCodeClaims;
import cn.gov.wenzhou.kjj.registry.command.ProjectRole;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordFundedProjectClosed;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordFundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordPoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordPoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordProjectFundsRecovered;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import cn.gov.wenzhou.kjj.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Feeds a platform's indicators from the other services: projects won and funds obtained (funding-service), researchers
 * gathered through the talent staffing pool (talent-pool-service). Each fact becomes the registry's own event on the
 * platform, so the indicators view rebuilds from the registry's store; the record of its {@code ce_id} commits with it.
 * Events about no platform, or about a platform this registry does not know, change nothing.
 */
@Component
public class IndicatorFeedListener {

    static final String CONSUMER = "registry.platform-indicators";
    private static final Logger log = LoggerFactory.getLogger(IndicatorFeedListener.class);

    private final InboundIntegrationEvents inbound;
    private final CommandGateway commands;
    private final CreditCodeClaims platforms;

    public IndicatorFeedListener(InboundIntegrationEvents inbound, CommandGateway commands,
                                 CreditCodeClaims platforms) {
        this.inbound = inbound;
        this.commands = commands;
        this.platforms = platforms;
    }

    @KafkaListener(topics = {Topics.FUNDING_PROJECT_V1, Topics.TALENT_ENROLLMENT_V1})
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, this::apply);
    }

    private void apply(ReceivedEvent received) {
        String id = received.id();
        Object event = received.event();
        if (event instanceof ProjectAwarded e) {
            if (e.platformId() != null) {
                send(e.platformId(), id, new RecordFundedProjectWon(e.platformId(), e.projectId(), e.callId(),
                        e.title(), ProjectRole.LEAD, e.awardFen(), e.awardedOn(), id));
            }
            Set<String> partners = new LinkedHashSet<>(e.partnerPlatformIds() == null ? Set.of() : e.partnerPlatformIds());
            partners.remove(e.platformId());
            for (String partner : partners) {
                send(partner, id, new RecordFundedProjectWon(partner, e.projectId(), e.callId(), e.title(),
                        ProjectRole.PARTNER, 0, e.awardedOn(), id));
            }
        } else if (event instanceof TrancheDisbursed e) {
            send(e.platformId(), id, new RecordProjectFundsReceived(e.platformId(), e.projectId(), e.trancheNumber(),
                    e.amountFen(), e.disbursedOn(), id));
        } else if (event instanceof FundsRecovered e) {
            send(e.platformId(), id, new RecordProjectFundsRecovered(e.platformId(), e.projectId(), e.amountFen(),
                    e.recoveredOn(), id));
        } else if (event instanceof ProjectClosed e) {
            send(e.platformId(), id, new RecordFundedProjectClosed(e.platformId(), e.projectId(), e.outcome(),
                    e.closedOn(), id));
        } else if (event instanceof HireAdmitted e) {
            send(e.platformId(), id, new RecordPoolHireJoined(e.platformId(), e.enrollmentId(), e.field(),
                    e.titleLevel(), e.admittedOn(), id));
        } else if (event instanceof HireExited e) {
            send(e.platformId(), id, new RecordPoolHireLeft(e.platformId(), e.enrollmentId(), e.reason(),
                    e.exitedOn(), id));
        }
    }

    private void send(String platformId, String ceId, Object command) {
        if (platformId == null) {
            return;
        }
        if (platforms.creditCodeOf(platformId).isEmpty()) {
            // ids and types only: these records carry no personal data, and neither does this line
            log.warn("{} names platform {}, unknown to the registry; not recorded", ceId, platformId);
            return;
        }
        commands.sendAndWait(command);
    }
}
