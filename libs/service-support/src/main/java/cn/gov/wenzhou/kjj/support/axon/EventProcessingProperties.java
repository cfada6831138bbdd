package cn.gov.wenzhou.kjj.support.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Defaults for every tracking processor of a service.
 *
 * @param batchSize                events per transaction; ~100 made replays about ten times faster than 1
 * @param eventAvailabilityTimeout how long a processor waits for new events before it checks its claim
 * @param tokenClaimInterval       how often an idle processor tries to claim an unclaimed segment
 */
@ConfigurationProperties("stb.event-processing")
public record EventProcessingProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration eventAvailabilityTimeout,
        @DefaultValue("2s") Duration tokenClaimInterval) {
}
