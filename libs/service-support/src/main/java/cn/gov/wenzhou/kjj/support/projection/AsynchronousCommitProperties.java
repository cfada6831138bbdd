package cn.gov.wenzhou.kjj.support.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which event processors' transactions commit without waiting for the disk ({@link AsynchronousProjectionCommits}).
 *
 * @param enabled     {@code synchronous_commit = off} for the Kafka publisher's transactions (on by default);
 *                    {@code false}: every transaction of the service waits for its commit to be flushed, as commands
 *                    always do
 * @param projections the projections' transactions too (off by default, and not safe to turn on yet): a processor
 *                    whose service outlives a crash of PostgreSQL goes on from the token it holds in memory, so the
 *                    commits the crash lost (rows and token) are never processed again and the view silently lacks
 *                    them. The fault suite's crash test showed it (talent's employer_platform after a crash of
 *                    PostgreSQL while talent ran). Safe only once a processor re-reads its tokens after the database
 *                    restarted; for the bench's measurement of what it would buy
 */
@ConfigurationProperties(AsynchronousCommitProperties.PREFIX)
public record AsynchronousCommitProperties(@DefaultValue("true") boolean enabled,
                                           @DefaultValue("false") boolean projections) {

    public static final String PREFIX = "stb.event-processing.asynchronous-commit";
}
