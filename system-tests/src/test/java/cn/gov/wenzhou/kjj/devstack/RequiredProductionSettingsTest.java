package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.settings.RequiredSettingException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the dev stack and the tests nobody passes these settings for a service: without one it does not start,
 * and the refusal names the variable (finding 3 of issue 12: no default issuer, no default database or Kafka
 * password). The check runs before any bean is made, so no database or broker is needed to see it.
 */
class RequiredProductionSettingsTest {

    /** The property each variable sets, and a value that would do (the Kubernetes manifests must set each too). */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>(Map.of(
            "OIDC_ISSUER_URI", "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1",
            "DB_PASSWORD", "spring.datasource.password=secret",
            "KAFKA_PASSWORD", "stb.kafka.sign-in.password=secret"));

    @TestFactory
    Stream<DynamicTest> aServiceWithoutARequiredSettingDoesNotStart() {
        return Arrays.stream(StackService.values()).flatMap(service -> REQUIRED.keySet().stream().map(missing ->
                DynamicTest.dynamicTest(service.serviceName() + " without " + missing, () -> {
                    List<String> args = new ArrayList<>(List.of("--server.port=0"));
                    REQUIRED.forEach((variable, setting) -> args.add("--" + (variable.equals(missing)
                            ? setting.substring(0, setting.indexOf('=') + 1) : setting)));
                    assertThatThrownBy(() -> service.application().registerShutdownHook(false)
                            .run(args.toArray(String[]::new)).close())
                            .isInstanceOf(RequiredSettingException.class)
                            .hasMessageContaining(missing + " is not set");
                })));
    }
}
