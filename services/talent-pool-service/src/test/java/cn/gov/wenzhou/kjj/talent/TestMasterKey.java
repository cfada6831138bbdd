package cn.gov.wenzhou.kjj.talent;

import cn.gov.wenzhou.kjj.talent.command.MasterKey;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Tests set their own master key: a random one per test JVM, as {@code TALENT_MASTER_KEY} at the lowest precedence
 * (so the real environment still wins), registered in the test classpath's {@code META-INF/spring.factories}, so it
 * never reaches a build of the service. No key is
 * written in the repository, so no key a reader of the repository knows can ever protect real data. A test that needs
 * particular keys (rotation) passes them as properties, which take precedence.
 */
public class TestMasterKey implements EnvironmentPostProcessor {

    /** What talent-pool-service.yml reads the master key from. */
    public static final String PROPERTY = "TALENT_MASTER_KEY";
    private static final String KEY = MasterKey.generateBase64();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("testMasterKey", Map.of(PROPERTY, KEY)));
    }
}
