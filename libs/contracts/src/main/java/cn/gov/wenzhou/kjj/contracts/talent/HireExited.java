package cn.gov.wenzhou.kjj.contracts.talent;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** An admitted hire left the pool and freed the post. No personal data. */
@PublishedAs(topic = Topics.TALENT_ENROLLMENT_V1, name = "HireExited")
public record HireExited(
        String enrollmentId,
        String employerCreditCode,
        String platformId,
        String field,
        String titleLevel,
        String reason,
        LocalDate exitedOn) implements IntegrationEvent {
}
