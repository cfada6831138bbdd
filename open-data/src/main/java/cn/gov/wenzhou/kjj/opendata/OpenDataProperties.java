package cn.gov.wenzhou.kjj.opendata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the open data is served.
 *
 * @param publicUrl      where the public reaches this API (links in the 360Giving feed)
 * @param cacheMaxAge    how long a client or proxy may reuse an answer without asking again
 * @param rebuildOnStart empty the read model at start and replay every topic from offset 0
 * @param replayDeadLettersOnStart replay every PENDING dead letter once started (after the fix of their cause)
 */
@Validated
@ConfigurationProperties("open-data")
public record OpenDataProperties(
        @NotNull URI publicUrl,
        @NotNull @DefaultValue("60s") Duration cacheMaxAge,
        @DefaultValue("false") boolean rebuildOnStart,
        @DefaultValue("false") boolean replayDeadLettersOnStart,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Publisher publisher) {

    /**
     * Requests per client, as a token bucket: {@code burst} at once, refilled at {@code requestsPerMinute}.
     *
     * @param trustedProxies addresses whose {@code X-Forwarded-For} names the client; nobody's by default
     * @param maxClients     clients tracked at once (memory bound); beyond it, unknown clients share one bucket
     */
    public record RateLimit(
            @Min(1) @Max(100_000) int requestsPerMinute,
            @Min(1) @Max(100_000) int burst,
            @DefaultValue("") List<String> trustedProxies,
            @Min(100) @Max(10_000_000) @DefaultValue("100000") int maxClients) {
    }

    /**
     * The publisher and funder of the data: the bureau.
     *
     * @param creditCode    its Unified Social Credit Code; its organisation id is {@code CN-USCI-<creditCode>}
     * @param grantIdPrefix the 360Giving prefix of its grant ids ({@code 360G-...})
     */
    public record Publisher(
            @NotBlank String name,
            @NotBlank String nameEn,
            @NotNull @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}") String creditCode,
            @NotNull URI website,
            @NotNull URI licence,
            @NotNull @Pattern(regexp = "360G-[A-Za-z0-9-]{1,40}") String grantIdPrefix) {
    }
}
