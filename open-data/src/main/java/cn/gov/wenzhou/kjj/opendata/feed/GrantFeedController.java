package cn.gov.wenzhou.kjj.opendata.feed;

import cn.gov.wenzhou.kjj.opendata.api.ConditionalAnswers;
import cn.gov.wenzhou.kjj.opendata.api.NotPublishedException;
import cn.gov.wenzhou.kjj.opendata.api.OpenApiDocumentation;
import cn.gov.wenzhou.kjj.opendata.query.Dataset;
import cn.gov.wenzhou.kjj.opendata.query.Versions;
import io.swagger.v3.oas.annotations.ExternalDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/open/v1/360giving")
@Tag(name = "360Giving", description = "The awards in the 360Giving Data Standard (1.4): JSON package and flat CSV")
public class GrantFeedController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final List<Dataset> READS = List.of(Dataset.AWARDS, Dataset.CALLS, Dataset.PLATFORMS);

    private final GrantFeed feed;
    private final ConditionalAnswers answers;

    public GrantFeedController(GrantFeed feed, ConditionalAnswers answers) {
        this.feed = feed;
        this.answers = answers;
    }

    @GetMapping(value = "/grants.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every award as a 360Giving grant: the JSON data package, streamed",
            description = "Package metadata (publisher, licence CC BY 4.0, version 1.4) and one grant per award: "
                    + "amounts in yuan, currency CNY, organisation ids CN-USCI-<Unified Social Credit Code>, the "
                    + "funder the bureau. 404 until the first award is published (a package needs one grant).",
            externalDocs = @ExternalDocumentation(description = "the 360Giving Data Standard: the package's schema",
                    url = OpenApiDocumentation.STANDARD))
    @ApiResponse(responseCode = "200", description = "a 360Giving data package (JSON), valid against the standard's"
            + " package schema", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(ref = OpenApiDocumentation.GRANT_PACKAGE_REF)))
    @ApiResponse(responseCode = "404", description = "no award has been published yet")
    public ResponseEntity<StreamingResponseBody> json(ServletWebRequest request) {
        Versions versions = answers.current();
        String etag = versions.etagOf(READS);
        if (answers.notModified(request, etag)) {
            return null;
        }
        if (!feed.hasGrants()) {
            throw new NotPublishedException("grant", "(no award has been published yet)");
        }
        Instant modified = versions.lastChangeOf(READS);
        return answers.ok(etag).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"wenzhou-kjj-360giving.json\"")
                .body(out -> feed.writeJson(out, modified == null ? Instant.EPOCH : modified));
    }

    @GetMapping(value = "/grants.csv", produces = "text/csv")
    @Operation(summary = "Every award as a 360Giving grant: the flat CSV with the standard's column titles, streamed",
            description = "UTF-8 with a byte-order mark, RFC 4180; one row per grant, its columns titled as the "
                    + "standard titles its fields (Identifier, Title, Amount Awarded, Currency, ...).",
            externalDocs = @ExternalDocumentation(description = "the 360Giving Data Standard: fields and their titles",
                    url = OpenApiDocumentation.STANDARD))
    @ApiResponse(responseCode = "200", description = "the grants as the standard's flat CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> csv(ServletWebRequest request) {
        String etag = answers.current().etagOf(READS);
        if (answers.notModified(request, etag)) {
            return null;
        }
        return answers.ok(etag).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wenzhou-kjj-360giving.csv\"")
                .body(out -> feed.writeCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }
}
