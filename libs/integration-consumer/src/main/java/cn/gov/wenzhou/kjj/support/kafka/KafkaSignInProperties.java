package cn.gov.wenzhou.kjj.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this application is to Kafka (docs/operators.md, "Security"; the users and their ACLs: KafkaAccess).
 *
 * @param username         its Kafka user, {@code KAFKA_USERNAME} (a service's is its name)
 * @param password         that user's SCRAM-SHA-512 password, {@code KAFKA_PASSWORD}: required, no default
 * @param securityProtocol {@code SASL_PLAINTEXT}, or {@code SASL_SSL} where the broker's listener has TLS
 */
@ConfigurationProperties("stb.kafka.sign-in")
public record KafkaSignInProperties(String username, String password, String securityProtocol) {

    public static final String PREFIX = "stb.kafka.sign-in";
}
