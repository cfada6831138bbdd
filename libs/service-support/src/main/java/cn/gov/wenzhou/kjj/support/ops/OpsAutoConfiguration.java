package cn.gov.wenzhou.kjj.support.ops;

import cn.gov.wenzhou.kjj.support.kafka.IntegrationConsumerAutoConfiguration;
import cn.gov.wenzhou.kjj.support.projection.ProjectionAutoConfiguration;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Endpoints every service has: projection operations, parked events and Kafka dead letters (OPERATOR), the event
 * catalogue (public).
 */
@AutoConfiguration(after = {ProjectionAutoConfiguration.class, IntegrationConsumerAutoConfiguration.class})
@ConditionalOnWebApplication
@Import({ProjectionController.class, ParkedEventsController.class, DeadLetterController.class,
        AsyncApiController.class})
public class OpsAutoConfiguration {

    @Bean
    public RebuildStatusHeaderFilter rebuildStatusHeaderFilter(ProjectionOperations projections) {
        return new RebuildStatusHeaderFilter(projections);
    }
}
