package cn.gov.wenzhou.kjj.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies are limited, and a path given a larger limit (a document upload) gets it, no other path. */
class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(new RequestSizeProperties(
            DataSize.ofBytes(100), List.of(new RequestSizeProperties.LargerBody("/api/projects/*/documents",
            DataSize.ofBytes(1_000)))));

    @Test
    void aBodyOverTheLimitIs413BeforeAnythingReadsIt() throws Exception {
        assertThat(status("/api/projects/p-1/expenditures", 101)).isEqualTo(413);
        assertThat(status("/api/projects/p-1/expenditures", 100)).isEqualTo(200);
    }

    @Test
    void anUploadPathHasItsLargerLimitAndOnlyIt() throws Exception {
        assertThat(status("/api/projects/p-1/documents", 1_000)).isEqualTo(200);
        assertThat(status("/api/projects/p-1/documents", 1_001)).isEqualTo(413);
        assertThat(status("/api/projects/p-1/documents/extra", 101)).isEqualTo(413);
    }

    private int status(String path, int bodyBytes) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[bodyBytes]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
