package cn.gov.wenzhou.kjj.contracts.talent;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** An enterprise hire was admitted to the staffing pool and took a post. No personal data. */
@PublishedAs(topic = Topics.TALENT_ENROLLMENT_V1, name = "HireAdmitted")
public record HireAdmitted(
        String enrollmentId,
        String employerCreditCode,
        String platformId,
        String field,
        String titleLevel,
        LocalDate admittedOn) implements IntegrationEvent {
}
