package cn.gov.wenzhou.kjj.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    @Test
    void aReadIsDeclaredRefusableAndUnavailableButNoConflict() {
        Operation read = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
        OpenAPI api = document("/api/platforms", new PathItem().get(read));

        new ProblemResponses().customise(api);

        assertThat(read.getResponses().keySet()).containsExactlyInAnyOrder("200", "401", "403", "503");
        assertThat(api.getComponents().getSchemas()).containsKey(ProblemResponses.PROBLEM);
    }

    @Test
    void aWriteWithABodyAndAPathVariableDeclaresEveryProblemItCanMeet() {
        Operation write = new Operation().requestBody(new RequestBody()).responses(new ApiResponses());
        OpenAPI api = document("/api/projects/{projectId}/disbursements", new PathItem().post(write));

        new ProblemResponses().customise(api);

        assertThat(write.getResponses().keySet())
                .containsExactlyInAnyOrder("400", "401", "403", "404", "409", "413", "429", "503");
        assertThat(write.getResponses().get("429").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void aConflictTheControllerDeclaresKeepsItsRuleCodesAndAnswersAsAProblem() {
        ApiResponse declared = new ApiResponse().description("reapplication.two-year-bar, reapplication.not-revoked")
                .content(new Content().addMediaType("application/json", new MediaType()));
        Operation write = new Operation().responses(new ApiResponses().addApiResponse("409", declared));
        OpenAPI api = document("/api/platforms/{id}/reapplication", new PathItem().post(write));

        new ProblemResponses().customise(api);

        assertThat(write.getResponses().get("409").getDescription())
                .isEqualTo("reapplication.two-year-bar, reapplication.not-revoked");
        assertThat(write.getResponses().get("409").getContent()).containsOnlyKeys(ProblemResponses.PROBLEM_TYPE);
    }

    private static OpenAPI document(String path, PathItem item) {
        return new OpenAPI().paths(new Paths().addPathItem(path, item));
    }
}
