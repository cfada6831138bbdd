package cn.gov.wenzhou.kjj.talent.integration;

import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireAdmitted;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireExited;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps admissions and exits to the published language on {@code talent.enrollment.v1}, and the pool's quota decisions
 * on {@code talent.pool.v1}. Only organisation-level facts and counts cross the boundary (employer, platform, field,
 * title level, dates, posts): never a name, ID number or phone, not even encrypted, nor a decision's free-text reason.
 */
@Component
@ProcessingGroup("kafka-publisher")
@DisallowReplay
public class EnrollmentEventPublisher {

    private final IntegrationEventPublisher publisher;

    public EnrollmentEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(HireAdmitted event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted(event.enrollmentId(),
                event.employerCreditCode(), event.employerPlatformId(), event.field(), event.titleLevel().name(),
                event.admittedOn()), message);
    }

    @EventHandler
    void on(HireExited event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.talent.HireExited(event.enrollmentId(),
                event.employerCreditCode(), event.employerPlatformId(), event.field(), event.titleLevel().name(),
                event.reason().name(), event.exitedOn()), message);
    }

    @EventHandler
    void on(PoolQuotaSet event, EventMessage<?> message) {
        publisher.publish(new cn.gov.wenzhou.kjj.contracts.talent.PoolQuotaSet(event.poolId(), event.year(),
                event.posts(), event.decidedOn()), message);
    }
}
