package cn.gov.wenzhou.kjj.console;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The console in a mock servlet environment, its services and issuer played by one shared {@link StubBackend}
 * ({@link ConsoleTestSupport}): one Spring context for every page test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "stb.console.client-secret=test-secret"})
@AutoConfigureMockMvc
public @interface ConsoleTest {
}
