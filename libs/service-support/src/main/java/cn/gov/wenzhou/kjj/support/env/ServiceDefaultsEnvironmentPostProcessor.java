package cn.gov.wenzhou.kjj.support.env;

/**
 * Adds {@code service-defaults.yml} as the lowest-precedence property source of every service: the settings that
 * must be the same everywhere (Axon on PostgreSQL, actuator exposure, strict JSON input) live once, and a service's
 * own {@code <service>.yml} or the environment can still override them. The Kafka clients' settings come with
 * integration-consumer ({@link ConsumerDefaultsEnvironmentPostProcessor}).
 */
public class ServiceDefaultsEnvironmentPostProcessor extends YamlDefaults {

    static final String RESOURCE = "service-defaults.yml";

    public ServiceDefaultsEnvironmentPostProcessor() {
        super("serviceDefaults", RESOURCE);
    }
}
