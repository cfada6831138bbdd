package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished.ListedDemand;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.PoolQuotaSet;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data's OpenAPI document ({@code /open/v1/openapi}) is what the API serves. Every documented operation is
 * called: each answer is validated against the schema the document gives it, with every object closed (a field
 * served but not documented fails, as does one documented but missing, or null where the document does not allow
 * it), and carries the headers the document says it does; each parameter takes the values its documented schema
 * allows and refuses the others with the documented {@code 400} naming it; an id not published is the documented
 * {@code 404}, a client over its limit the documented {@code 429}.
 */
@OpenDataIntegrationTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL = "wenzhou-talent-institute";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${open-data.public-url}")
    String publicUrl;
    OpenDataTestSupport openData;
    JsonNode document;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
        ApiClient.Response answer = openData.api().get("/open/v1/openapi");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void theDocumentNamesTheOpenDataItsLicenceAndWhereThePublicReachesIt() {
        JsonNode index = openData.api().get("/open/v1").json();

        assertThat(document.path("info").path("title").asText()).isEqualTo(index.path("title").asText());
        assertThat(document.path("info").path("version").asText()).isEqualTo("v1");
        assertThat(document.path("info").path("license").path("url").asText())
                .isEqualTo(index.path("licence").asText());
        assertThat(document.path("info").path("description").asText())
                .contains(OpenDataTestSupport.BURST + " requests at once");
        assertThat(document.path("servers").findValuesAsText("url")).containsExactly(publicUrl);
        assertThat(index.path("openapi").asText()).isEqualTo("/open/v1/openapi");
    }

    @Test
    void everySchemaOfTheDocumentDescribesAnAnswer() {
        String text = document.toString();
        List<String> unused = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (!text.contains("\"#/components/schemas/" + name + "\"")) {
                unused.add(name);
            }
        });
        assertThat(unused).as("schemas no answer refers to").isEmpty();
    }

    @Test
    void everyAnswerIsItsDocumentedSchemaFieldForFieldWithItsDocumentedHeaders() {
        Map<String, String> ids = publishedData();
        List<String> called = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode operation = path.getValue().path("get");
            String url = withIds(path.getKey(), ids);
            List<String> urls = new ArrayList<>(List.of(url));
            if (hasParameter(operation, "limit")) {
                urls.add(url + "?limit=1");
            }
            for (String each : urls) {
                ApiClient.Response answer = openData.api().get(each);
                assertThat(answer.status()).as(each).isEqualTo(200);
                assertDocumented(operation, "200", answer, each);
                JsonNode body = isJson(answer) ? answer.json() : null;
                if (body != null && body.hasNonNull("next")) {
                    assertThat(answer.headers().getFirst("Link")).as(each + ": Link").contains(body.get("next")
                            .asText());
                }

                ApiClient.Response again = openData.api().header("If-None-Match", answer.headers().getETag())
                        .get(each);
                assertThat(again.status()).as(each).isEqualTo(304);
                assertDocumented(operation, "304", again, each);
                called.add(each);
            }
        });
        assertThat(called).as("every documented path called").hasSizeGreaterThanOrEqualTo(
                document.path("paths").size());
        assertThat(called).anyMatch(url -> url.endsWith("?limit=1"));
    }

    @Test
    void everyParameterTakesWhatItsSchemaAllowsAndRefusesTheRestWithTheDocumented400() {
        Map<String, String> ids = publishedData();
        int checked = 0;
        for (var path : iterable(document.path("paths").fields())) {
            JsonNode operation = path.getValue().path("get");
            for (JsonNode parameter : operation.path("parameters")) {
                String in = parameter.path("in").asText();
                if (in.equals("header")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                JsonNode schema = parameter.path("schema");
                List<String> allowed = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                samples(schema, parameter, in.equals("path") ? ids.get(name) : null, allowed, refused);
                if (allowed.isEmpty() && refused.isEmpty()) {
                    // an opaque value (a cursor): its schema says nothing a client could be refused for
                    assertThat(schema.path("description").asText()).as(name).startsWith("opaque");
                    continue;
                }
                for (String value : allowed) {
                    String url = withValue(path.getKey(), in, name, value, ids);
                    ApiClient.Response answer = openData.api().get(url);
                    assertThat(answer.status()).as(url).isEqualTo(200);
                    assertDocumented(operation, "200", answer, url);
                }
                for (String value : refused) {
                    String url = withValue(path.getKey(), in, name, value, ids);
                    ApiClient.Response answer = openData.api().get(url);
                    assertThat(answer.status()).as(url).isEqualTo(400);
                    assertDocumented(operation, "400", answer, url);
                    assertThat(answer.json().path("errors").findValuesAsText("field")).as(url).contains(name);
                }
                if (in.equals("path")) {
                    String unknown = "unpublished-" + newId();
                    assertThat(matchesPattern(schema, unknown)).as(name).isTrue();
                    String url = withValue(path.getKey(), in, name, unknown, ids);
                    ApiClient.Response answer = openData.api().get(url);
                    assertThat(answer.status()).as(url).isEqualTo(404);
                    assertDocumented(operation, "404", answer, url);
                }
                checked++;
            }
        }
        assertThat(checked).as("parameters checked against their schema").isGreaterThanOrEqualTo(15);
    }

    @Test
    void aClientOverItsLimitGetsTheDocumented429() {
        JsonNode operation = document.path("paths").path("/open/v1").path("get");
        ApiClient client = openData.api();
        ApiClient.Response answer = null;
        for (int i = 0; i <= 2 * OpenDataTestSupport.BURST && (answer == null || answer.status() != 429); i++) {
            answer = client.get("/open/v1");
        }
        assertThat(answer.status()).isEqualTo(429);
        assertDocumented(operation, "429", answer, "/open/v1");
    }

    /** The answer is one the operation documents: its media type, its schema (closed), its required headers. */
    private void assertDocumented(JsonNode operation, String status, ApiClient.Response answer, String url) {
        JsonNode documented = operation.path("responses").path(status);
        assertThat(documented.isMissingNode()).as(url + " documents " + status).isFalse();
        documented.path("headers").fields().forEachRemaining(header -> {
            if (header.getValue().path("required").asBoolean()) {
                assertThat(answer.headers().getFirst(header.getKey())).as(url + " " + status + ": " + header.getKey())
                        .isNotBlank();
            }
        });
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertThat(answer.body()).as(url + " " + status + " has no body").isEmpty();
            return;
        }
        MediaType served = MediaType.parseMediaType(answer.headers().getFirst("Content-Type"));
        String mediaType = null;
        for (var each : iterable(content.fieldNames())) {
            if (MediaType.parseMediaType(each).isCompatibleWith(served)) {
                mediaType = each;
            }
        }
        assertThat(mediaType).as(url + " " + status + " serves " + served + ", documents " + content).isNotNull();
        JsonNode body = isJson(answer) ? answer.json() : TextNode.valueOf(answer.body());
        Set<ValidationMessage> errors = closedSchema(content.path(mediaType).path("schema")).validate(body);
        assertThat(errors).as(url + " " + status + " against its documented schema: " + answer.body()).isEmpty();
    }

    /**
     * The document's schema for one answer, as a JSON Schema 2020-12 (OpenAPI 3.1's dialect) whose object schemas are
     * closed: what is served must be what is documented, no more. A schema that points to an outside standard (the
     * 360Giving package) is that standard's to define, and stays open.
     */
    private JsonSchema closedSchema(JsonNode answerSchema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) answerSchema.deepCopy());
        ObjectNode components = JSON.createObjectNode();
        components.set("schemas", close(document.path("components").path("schemas").deepCopy()));
        root.set("components", components);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
    }

    private static JsonNode close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("externalDocs")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(OpenApiDocumentTest::close);
        }
        return schema;
    }

    /**
     * Values a parameter's schema allows and values it refuses: an integer's bounds and the numbers just beyond them
     * (and a word), each value of an enumeration and one outside it, for a pattern the documented example or the
     * real id and text it does not match.
     */
    private static void samples(JsonNode schema, JsonNode parameter, String realId, List<String> allowed,
                                List<String> refused) {
        if (schema.path("type").asText().equals("integer")) {
            if (schema.has("minimum")) {
                allowed.add(schema.get("minimum").asText());
                refused.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                allowed.add(schema.get("maximum").asText());
                refused.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
            refused.add("twenty");
        } else if (schema.has("enum")) {
            schema.get("enum").forEach(value -> allowed.add(value.asText()));
            String outside = "NOT_A_" + parameter.path("name").asText().toUpperCase();
            assertThat(allowed).doesNotContain(outside);
            refused.add(outside);
        } else if (schema.has("pattern")) {
            String example = realId != null ? realId : parameter.path("example").asText(null);
            if (example != null) {
                assertThat(matchesPattern(schema, example)).as(example).isTrue();
                allowed.add(example);
            }
            String malformed = "not valid!";
            assertThat(matchesPattern(schema, malformed)).isFalse();
            refused.add(malformed);
        }
    }

    private static boolean matchesPattern(JsonNode schema, String value) {
        return Pattern.compile(schema.path("pattern").asText()).matcher(value).find();
    }

    private static String withValue(String template, String in, String name, String value, Map<String, String> ids) {
        if (in.equals("path")) {
            Map<String, String> with = new LinkedHashMap<>(ids);
            with.put(name, value);
            return withIds(template, with);
        }
        // ApiClient encodes what a URI may not hold (as a browser would)
        return withIds(template, ids) + "?" + name + "=" + value;
    }

    private static String withIds(String template, Map<String, String> ids) {
        Matcher variable = PATH_VARIABLE.matcher(template);
        StringBuilder url = new StringBuilder();
        while (variable.find()) {
            String id = ids.get(variable.group(1));
            assertThat(id).as("a published " + variable.group(1)).isNotNull();
            variable.appendReplacement(url, Matcher.quoteReplacement(id));
        }
        return variable.appendTail(url).toString();
    }

    private static boolean hasParameter(JsonNode operation, String name) {
        return operation.path("parameters").findValuesAsText("name").contains(name);
    }

    private static boolean isJson(ApiClient.Response answer) {
        String type = answer.headers().getFirst("Content-Type");
        return type != null && MediaType.parseMediaType(type).getSubtype().endsWith("json") && !answer.body().isEmpty();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    /**
     * A little of everything the open data publishes, nulls included: a platform with grades, a revoked one, a call
     * with its list (a demand without a description), an award to an unregistered recipient with a platform partner,
     * paid, partly recovered and closed, a pool year with its quota and one with hires but none.
     */
    private Map<String, String> publishedData() {
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "文档测试研究院", "LUCHENG", "鹿城区",
                "INTELLIGENT_EQUIPMENT", LocalDate.of(2024, 1, 1));
        String revokedCode = newCreditCode();
        String revokedId = openData.recognizedPlatform(revokedCode, "文档撤销研究院", "OUHAI", "瓯海区", "NEW_MATERIALS",
                LocalDate.of(2022, 5, 10));
        String callId = newId();
        String projectId = newId();
        String recipient = newCreditCode();
        List<String> published = new ArrayList<>();
        published.add(openData.publish(new PlatformEvaluated(platformId, code, 2024, "GOOD", new BigDecimal("83.65"),
                "2021.1", LocalDate.of(2025, 3, 1)), platformId));
        published.add(openData.publish(new RecognitionRevoked(revokedId, revokedCode, "CONSECUTIVE_FAILS",
                LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1)), revokedId));
        published.add(openData.publish(new ChallengeCallOpened(callId, 2035, "2035年度揭榜挂帅",
                LocalDate.of(2035, 2, 1)), callId));
        published.add(openData.publish(new ChallengeListPublished(callId, List.of(
                new ListedDemand(newId(), "泵阀密封攻关", "泵阀", "寿命提升", recipient, "LEADING", 300_000_000L),
                new ListedDemand(newId(), "电驱系统攻关", "汽摩配", null, recipient, "CHAIN_LEADER", 150_000_050L)),
                LocalDate.of(2035, 4, 15)), callId));
        published.add(openData.publish(new ProjectAwarded(projectId, callId, "泵阀密封攻关", recipient, null,
                List.of(platformId), 150_000_000L, 80_000_000L, "2024.1", LocalDate.of(2035, 6, 30)), projectId));
        published.add(openData.publish(new TrancheDisbursed(projectId, 1, 75_000_000L, recipient, null,
                LocalDate.of(2035, 7, 10)), projectId));
        published.add(openData.publish(new FundsRecovered(projectId, 5_000_000L, recipient, null,
                LocalDate.of(2036, 5, 1)), projectId));
        published.add(openData.publish(new ProjectClosed(projectId, "TERMINATED", recipient, null, 0L, "RETURNED",
                LocalDate.of(2036, 5, 2)), projectId));
        published.add(openData.publish(new PoolQuotaSet(POOL, 2095, 120, LocalDate.of(2095, 1, 5)), POOL));
        String enrollment = newId();
        published.add(openData.publish(new HireAdmitted(enrollment, recipient, null, "NEW_MATERIALS", "SENIOR",
                LocalDate.of(2096, 6, 1)), enrollment));
        openData.awaitApplied(published.toArray(String[]::new));
        return Map.of("platformId", platformId, "callId", callId, "projectId", projectId);
    }
}
