package cn.gov.wenzhou.kjj.support.env;

import cn.gov.wenzhou.kjj.support.tracing.TracingExport;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds {@code service-defaults.yml} as the lowest-precedence property source of every service: the settings that
 * must be the same everywhere (Axon on PostgreSQL, actuator exposure, strict JSON input) live once, and a service's
 * own {@code <service>.yml} or the environment can still override them. The Kafka clients' settings come with
 * integration-consumer ({@link ConsumerDefaultsEnvironmentPostProcessor}). Then the OTLP export, which depends on
 * whether a collector is named ({@link TracingExport}).
 */
public class ServiceDefaultsEnvironmentPostProcessor extends YamlDefaults {

    static final String RESOURCE = "service-defaults.yml";

    public ServiceDefaultsEnvironmentPostProcessor() {
        super("serviceDefaults", RESOURCE);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        super.postProcessEnvironment(environment, application);
        TracingExport.apply(environment);
    }
}
