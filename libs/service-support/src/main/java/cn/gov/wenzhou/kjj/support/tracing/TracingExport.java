package cn.gov.wenzhou.kjj.support.tracing;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * Spans leave the service only where the operator named a collector: {@code OTEL_EXPORTER_OTLP_ENDPOINT}, the
 * OpenTelemetry variable, read as the OpenTelemetry SDKs do for OTLP over HTTP (the traces go to
 * {@code <endpoint>/v1/traces}). Spring Boot creates its OTLP exporter only when
 * {@code management.otlp.tracing.endpoint} is set, so unset (the default, the tests) nothing is exported and nothing
 * tries to connect; the traces still give every log line its trace id.
 */
public final class TracingExport {

    public static final String ENDPOINT = "stb.tracing.otlp-endpoint";
    static final String BOOT_ENDPOINT = "management.otlp.tracing.endpoint";
    static final String SOURCE = "stbTracingExport";

    private TracingExport() {
    }

    /** After the defaults are in: a {@code management.otlp.tracing.endpoint} set explicitly is left alone. */
    public static void apply(ConfigurableEnvironment environment) {
        String endpoint = environment.getProperty(ENDPOINT);
        if (!StringUtils.hasText(endpoint) || environment.containsProperty(BOOT_ENDPOINT)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of(BOOT_ENDPOINT, tracesUrl(endpoint.trim()))));
    }

    static String tracesUrl(String endpoint) {
        return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + "/v1/traces";
    }
}
