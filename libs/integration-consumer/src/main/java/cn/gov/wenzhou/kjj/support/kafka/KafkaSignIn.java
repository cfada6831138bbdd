package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.settings.RequiredSettingException;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Every Kafka client of the application (consumers, the dead-letter and publishing producers, the admin) signs in
 * as its Kafka user: SASL/SCRAM-SHA-512 set on Boot's {@link KafkaProperties} before any client factory reads them.
 * Without {@code KAFKA_PASSWORD} the application does not start (IntegrationConsumerAutoConfiguration's required
 * properties say so before any bean is made).
 */
public class KafkaSignIn implements BeanPostProcessor {

    static final String CONSEQUENCE = "The application cannot sign in to Kafka";
    static final String ACTION = "Set KAFKA_USERNAME and KAFKA_PASSWORD to this application's Kafka user (a service's"
            + " user is its name; docs/operators.md, \"Security\", lists the users and their ACLs). The dev stack"
            + " and the tests set their own.";

    private final Environment environment;

    public KafkaSignIn(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaProperties kafka) {
            KafkaSignInProperties signIn = Binder.get(environment)
                    .bind(KafkaSignInProperties.PREFIX, KafkaSignInProperties.class)
                    .orElse(new KafkaSignInProperties(null, null, null));
            String username = RequiredSettingException.require(signIn.username(), "KAFKA_USERNAME", CONSEQUENCE,
                    ACTION);
            String password = RequiredSettingException.require(signIn.password(), "KAFKA_PASSWORD", CONSEQUENCE,
                    ACTION);
            kafka.getSecurity().setProtocol(signIn.securityProtocol() == null || signIn.securityProtocol().isBlank()
                    ? KafkaAccess.SECURITY_PROTOCOL : signIn.securityProtocol());
            kafka.getProperties().put(SaslConfigs.SASL_MECHANISM, KafkaAccess.MECHANISM);
            kafka.getProperties().put(SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.jaasConfig(username, password));
        }
        return bean;
    }
}
