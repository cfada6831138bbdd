package cn.gov.wenzhou.kjj.funding.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retention how long an Idempotency-Key is remembered: a repeat within it gets the first answer; after it the
 *                  key is free again (the request runs as a new one) and its record is deleted
 */
@ConfigurationProperties("stb.funding.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention) {
}
