package cn.gov.wenzhou.kjj.registry;

import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The registry running on real PostgreSQL and Kafka, with its own configuration file. Its obligation sweep runs only
 * when a test calls it with the date it wants (ObligationSweep.run), never on the wall clock; its mail goes to the
 * JVM's GreenMail server (src/test/resources/META-INF/spring.factories).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest(properties = {"spring.config.name=" + RegistryApplication.CONFIG_NAME,
        "stb.registry-sweep.scheduled=false"})
public @interface RegistryIntegrationTest {
}
