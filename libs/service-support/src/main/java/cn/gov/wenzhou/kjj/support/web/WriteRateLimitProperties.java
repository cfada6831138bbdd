package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.ratelimit.ClientRateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * A rate limit on writes (POST, PUT, PATCH, DELETE) per caller — the token's subject, which for a machine client is
 * its client id. Generous by default (a burst of 1,000, then 6,000 a minute): it stops a runaway or abusive client,
 * never a busy officer or an honest integration.
 *
 * @param enabled    off only for a measurement that must not be limited
 * @param perMinute  writes a caller may make per minute, sustained
 * @param burst      writes a caller may make at once
 * @param maxClients callers tracked at once (memory bound; beyond, new ones share a bucket)
 * @param callers    other limits for named callers (by subject), e.g. a known bulk integration, or a test
 */
@ConfigurationProperties("stb.rate-limit.writes")
public record WriteRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("6000") int perMinute,
        @DefaultValue("1000") int burst,
        @DefaultValue("10000") int maxClients,
        @DefaultValue Map<String, ClientRateLimit.Limit> callers) {
}
