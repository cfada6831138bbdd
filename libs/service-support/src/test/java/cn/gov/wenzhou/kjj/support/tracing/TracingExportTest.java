package cn.gov.wenzhou.kjj.support.tracing;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingExportTest {

    @Test
    void noCollectorNamedExportsNothing() {
        MockEnvironment environment = new MockEnvironment().withProperty(TracingExport.ENDPOINT, "");

        TracingExport.apply(environment);

        assertThat(environment.containsProperty(TracingExport.BOOT_ENDPOINT)).isFalse();
    }

    @Test
    void aNamedCollectorReceivesTheTracesAtItsOtlpHttpTracesPath() {
        MockEnvironment environment = new MockEnvironment().withProperty(TracingExport.ENDPOINT, "http://jaeger:4318/");

        TracingExport.apply(environment);

        assertThat(environment.getProperty(TracingExport.BOOT_ENDPOINT)).isEqualTo("http://jaeger:4318/v1/traces");
    }

    @Test
    void anEndpointSetForSpringBootItselfIsLeftAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty(TracingExport.ENDPOINT, "http://jaeger:4318")
                .withProperty(TracingExport.BOOT_ENDPOINT, "https://collector.example/v1/traces");

        TracingExport.apply(environment);

        assertThat(environment.getProperty(TracingExport.BOOT_ENDPOINT))
                .isEqualTo("https://collector.example/v1/traces");
    }
}
