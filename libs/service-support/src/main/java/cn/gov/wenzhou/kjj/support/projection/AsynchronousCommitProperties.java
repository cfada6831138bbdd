package cn.gov.wenzhou.kjj.support.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the transactions of the projections and of the Kafka publisher commit without waiting for the disk
 * ({@link AsynchronousProjectionCommits}).
 *
 * @param enabled {@code synchronous_commit = off} for those transactions (on by default); {@code false}: every
 *                transaction of the service waits for its commit to be flushed, as commands always do
 */
@ConfigurationProperties(AsynchronousCommitProperties.PREFIX)
public record AsynchronousCommitProperties(@DefaultValue("true") boolean enabled) {

    public static final String PREFIX = "stb.event-processing.asynchronous-commit";
}
