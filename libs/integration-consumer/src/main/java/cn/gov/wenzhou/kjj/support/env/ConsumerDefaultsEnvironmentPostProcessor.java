package cn.gov.wenzhou.kjj.support.env;

/** {@code integration-consumer-defaults.yml}: how every application's Kafka clients read and dead-letter. */
public class ConsumerDefaultsEnvironmentPostProcessor extends YamlDefaults {

    static final String RESOURCE = "integration-consumer-defaults.yml";

    public ConsumerDefaultsEnvironmentPostProcessor() {
        super("integrationConsumerDefaults", RESOURCE);
    }
}
