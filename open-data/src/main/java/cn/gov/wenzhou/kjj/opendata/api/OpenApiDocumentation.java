package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open data's own OpenAPI document ({@code /open/v1/openapi}), written to be what the API serves: its public
 * address and licence; each parameter's schema from the check that takes it ({@link QueryParameters#documented});
 * every answer's fields, those that may be null marked so, all of them always present; and the answers every
 * operation can give besides its data: {@code 304} to a matching conditional GET, {@code 400} naming a parameter,
 * {@code 404} for what is not published, {@code 429} over the rate limit, with their headers and problem details.
 */
@Configuration
public class OpenApiDocumentation {

    public static final String STANDARD = "https://standard.threesixtygiving.org/en/latest/";
    public static final String GRANT_PACKAGE_REF = "#/components/schemas/ThreeSixtyGivingPackage";

    static final String PROBLEM = "Problem";
    static final String INVALID_PARAMETER = "InvalidParameter";
    static final String RATE_LIMITED = "RateLimited";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String REFS = "#/components/schemas/";

    @Bean
    OpenAPI openDataDocument(OpenDataProperties properties) {
        OpenDataProperties.Publisher publisher = properties.publisher();
        return new OpenAPI()
                .info(new Info().title(IndexController.TITLE).version("v1")
                        .description(description(properties))
                        .license(new License().name("CC BY 4.0").url(publisher.licence().toString()))
                        .contact(new Contact().name(publisher.name() + " " + publisher.nameEn())
                                .url(publisher.website().toString())))
                .servers(List.of(new Server().url(properties.publicUrl().toString())
                        .description("where the public reaches the open data")));
    }

    @Bean
    OpenApiCustomizer openDataAnswers() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            // the answers are records, serialized whole: every field is in every answer (null where marked so)
            if (components.getSchemas() != null) {
                // the feeds' Java return type: their 200 answers describe what they stream instead
                components.getSchemas().remove(StreamingResponseBody.class.getSimpleName());
                components.getSchemas().values().forEach(schema -> {
                    if (schema.getProperties() != null) {
                        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                    }
                });
            }
            components.addSchemas(PROBLEM, problem(Map.of()));
            components.addSchemas(INVALID_PARAMETER, problem(Map.of("errors", new ArraySchema().minItems(1)
                    .description("the parameters it cannot take, each by name")
                    .items(object(Map.of("field", typed("string").description("the parameter's name"),
                            "message", typed("string")))))));
            components.addSchemas(RATE_LIMITED, problem(Map.of("retryAfterSeconds", typed("integer")
                    .minimum(BigDecimal.ZERO).description("as Retry-After"))));
            components.addSchemas("ThreeSixtyGivingPackage", new Schema<>().type("object")
                    .description("A 360Giving data package: its metadata and grants, as the standard's package "
                            + "schema (360-giving-package-schema.json) defines them")
                    .externalDocs(new ExternalDocumentation().description("the 360Giving Data Standard").url(STANDARD))
                    .required(List.of("grants"))
                    .properties(new LinkedHashMap<>(Map.of("grants", new ArraySchema().minItems(1)
                            .items(typed("object").description("a grant (360-giving-schema.json)"))))));
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                        documentAnswers(path, operation)));
            }
        };
    }

    private static void documentAnswers(String path, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean takesParameters = !parameters.isEmpty();
        boolean paged = false;
        for (Parameter parameter : parameters) {
            parameter.setSchema(QueryParameters.documented(parameter.getName()));
            paged |= parameter.getName().equals("cursor");
        }
        List<Parameter> withConditions = new ArrayList<>(parameters.stream()
                .filter(parameter -> !"header".equals(parameter.getIn())).toList());
        withConditions.add(new Parameter().in("header").name(HttpHeaders.IF_NONE_MATCH).required(false)
                .description("an ETag of an earlier answer: 304 without a body while it is still current")
                .schema(typed("string")));
        operation.setParameters(withConditions);

        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.get("200");
        Map<String, Header> okHeaders = new LinkedHashMap<>(answerHeaders());
        if (paged) {
            okHeaders.put(HttpHeaders.LINK, header("the next page, rel=\"next\"; absent on the last page", false));
        }
        ok.setHeaders(okHeaders);
        responses.addApiResponse("304", new ApiResponse()
                .description("Not Modified: the If-None-Match ETag is still current; no body")
                .headers(answerHeaders()));
        if (takesParameters) {
            responses.addApiResponse("400", problemAnswer(responses.get("400"),
                    "a parameter the API cannot take; errors names it", INVALID_PARAMETER));
        }
        if (path.contains("{") || responses.containsKey("404")) {
            responses.addApiResponse("404", problemAnswer(responses.get("404"), "not published", PROBLEM));
        }
        ApiResponse rateLimited = problemAnswer(null,
                "Too Many Requests: over this client's rate limit; nothing was read", RATE_LIMITED);
        Map<String, Header> retry = new LinkedHashMap<>(rateLimitHeaders());
        retry.put(HttpHeaders.RETRY_AFTER, header("seconds until a request is admitted again", true)
                .schema(typed("integer").minimum(BigDecimal.ZERO)));
        responses.addApiResponse("429", rateLimited.headers(retry));
    }

    private static Map<String, Header> answerHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.ETAG, header("the version of the datasets this answer reads", true));
        headers.put(HttpHeaders.CACHE_CONTROL, header("public, with how long the answer may be reused", true));
        headers.putAll(rateLimitHeaders());
        return headers;
    }

    private static Map<String, Header> rateLimitHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", header("requests a client may make at once", true)
                .schema(typed("integer").minimum(BigDecimal.ONE)));
        headers.put("RateLimit-Remaining", header("requests this client may still make at once", true)
                .schema(typed("integer").minimum(BigDecimal.ZERO)));
        return headers;
    }

    private static Header header(String description, boolean required) {
        return new Header().description(description).required(required).schema(typed("string"));
    }

    /** An error answer: its description kept if the operation gave one, an RFC 9457 problem detail as its body. */
    private static ApiResponse problemAnswer(ApiResponse declared, String description, String schema) {
        String text = declared == null || declared.getDescription() == null || declared.getDescription().isBlank()
                ? description : declared.getDescription();
        return new ApiResponse().description(text).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(REFS + schema))));
    }

    /** An RFC 9457 problem detail, as the open data writes them, with its own further members. */
    private static Schema<?> problem(Map<String, Schema<?>> members) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri").description("what kind of problem (a URI)"));
        properties.put("title", typed("string"));
        properties.put("status", typed("integer").description("the HTTP status"));
        properties.put("detail", typed("string").description("what went wrong, in words; never data of anyone"));
        properties.put("instance", typed("string").description("the path that was asked for"));
        properties.putAll(members);
        List<String> required = new ArrayList<>(List.of("type", "title", "status", "detail"));
        required.addAll(members.keySet());
        Schema<?> problem = object(properties).description("An RFC 9457 problem detail");
        problem.setRequired(required);
        return problem;
    }

    private static Schema<?> object(Map<String, Schema<?>> properties) {
        Schema<?> object = typed("object");
        object.setProperties(new LinkedHashMap<>(properties));
        object.setRequired(new ArrayList<>(properties.keySet()));
        return object;
    }

    /** A schema of one JSON type, for 3.1 (types) and for readers of 3.0 (type) alike. */
    static Schema<?> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    private static String description(OpenDataProperties properties) {
        OpenDataProperties.RateLimit limit = properties.rateLimit();
        return "Anonymous and read-only: everything here is public, under CC BY 4.0 (attribute "
                + properties.publisher().name() + ", " + properties.publisher().nameEn() + "). Built only from the "
                + "events the bureau's services publish: nothing about a person, a bid or a review score.\n\n"
                + "Every answer carries an ETag and Cache-Control (public, max-age "
                + properties.cacheMaxAge().toSeconds() + " s); send If-None-Match to get 304 while nothing changed. "
                + "Lists page by cursor: follow `next` (also the Link header). Each client may make "
                + limit.burst() + " requests at once, refilled at " + limit.requestsPerMinute() + " a minute; "
                + "beyond that, 429 with Retry-After. Errors are RFC 9457 problem details; a 400 names the "
                + "parameter. Money in yuan (CNY), exact to the fen; dates are business dates (Asia/Shanghai).";
    }
}
