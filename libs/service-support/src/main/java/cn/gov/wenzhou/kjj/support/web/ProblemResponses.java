package cn.gov.wenzhou.kjj.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Map;
import java.util.Set;

/**
 * Declares on every operation of the API document the error answers a caller can meet, each an RFC 9457 problem
 * detail ({@code application/problem+json}, schema {@value #PROBLEM}), derived from what the operation is: every
 * operation can be refused {@code 401} and {@code 403} (nothing but health and the documents is public), meet a
 * dependency away ({@code 503}); one with parameters or a body can be {@code 400}; one with a path variable
 * {@code 404}; a write {@code 409} (the {@code rule} names the business rule), {@code 429} (the write rate limit);
 * one with a body {@code 413}. What a controller already declares (a {@code 409} listing its rule codes, say) is kept,
 * and given the problem content if it has none. Done here, once, so that a new endpoint is documented as the filters
 * and the exception handler really answer it, without anyone having to remember.
 */
public class ProblemResponses implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    static final String PROBLEM_TYPE = "application/problem+json";
    private static final String TYPES = "https://kjj.wenzhou.gov.cn/problems/";
    private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS);

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        openApi.setComponents(components);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                declareProblems(path, method, operation)));
    }

    private static void declareProblems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = !READS.contains(method);
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean pathVariable = path.contains("{");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (body || parameters) {
            declare(responses, "400", "Invalid input: a field is missing, malformed or out of its bounds; `errors` "
                    + "names each field and why (type " + TYPES + "invalid-input). Nothing was changed.");
        }
        declare(responses, "401", "Unauthenticated: no valid bearer token from the configured issuer (type "
                + TYPES + "unauthenticated; header WWW-Authenticate: Bearer).");
        declare(responses, "403", "Forbidden: the token's roles do not allow this request (forbidden-by-role), an "
                + "organisation role without its credit_code claim (forbidden-without-organisation), or another "
                + "organisation's record (forbidden-organisation).");
        if (pathVariable) {
            declare(responses, "404", "Not found: no record with this identifier (type " + TYPES + "not-found).");
        }
        if (write) {
            declare(responses, "409", "Rule violated: a business rule refused the request and nothing was changed; "
                    + "`rule` names it (type " + TYPES + "rule-violation; `concurrent-modification` when another "
                    + "change of the same record came first: read it again and retry).");
            ApiResponse tooMany = declare(responses, "429", "Too many writes from this caller: nothing was done; "
                    + "try again after Retry-After seconds.");
            tooMany.addHeaderObject("Retry-After", new Header().description("seconds to wait")
                    .schema(new IntegerSchema()));
        }
        if (body) {
            declare(responses, "413", "Payload too large: the request body is over the service's limit "
                    + "(stb.web.max-request-size) and was not read.");
        }
        ApiResponse unavailable = declare(responses, "503", "A dependency (the database, Kafka) is away for the "
                + "moment: nothing was done; try again after Retry-After seconds (`dependency` names it).");
        unavailable.addHeaderObject("Retry-After", new Header().description("seconds to wait")
                .schema(new IntegerSchema()));
    }

    /** The response for {@code code}: the one declared already (given the problem content), or a new one. */
    private static ApiResponse declare(ApiResponses responses, String code, String description) {
        ApiResponse response = responses.get(code);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(code, response);
        } else if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        Content content = response.getContent() == null ? new Content() : response.getContent();
        // springdoc puts the controller's own media types on a declared error answer; what it sends is a problem
        content.keySet().removeIf(type -> !PROBLEM_TYPE.equals(type));
        content.addMediaType(PROBLEM_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/"
                + PROBLEM)));
        response.setContent(content);
        return response;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.setProperties(new java.util.LinkedHashMap<>(Map.of(
                "field", new StringSchema().description("the request field, as named in the request"),
                "message", new StringSchema().description("what is wrong with it"))));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem detail, as every error answer of the API.");
        java.util.LinkedHashMap<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("the kind of problem, " + TYPES + "…"));
        properties.put("title", new StringSchema().description("a short summary of the kind"));
        properties.put("status", new IntegerSchema().description("the HTTP status"));
        properties.put("detail", new StringSchema().description("what happened, for a person"));
        properties.put("instance", new StringSchema().format("uri").description("the request's path"));
        properties.put("rule", new StringSchema().description("409: the business rule's code, e.g. "
                + "call.too-many-demands"));
        properties.put("errors", new ArraySchema().items(field).description("400: one entry per invalid field"));
        properties.put("dependency", new StringSchema().description("503: what is away"));
        problem.setProperties((Map) properties);
        problem.setRequired(java.util.List.of("type", "title", "status"));
        return problem;
    }
}
