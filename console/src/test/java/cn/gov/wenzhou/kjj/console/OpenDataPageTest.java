package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public "open data" page (issue 19, part 4): no sign-in, the downloads and the endpoints the open data serves. */
@ConsoleTest
class OpenDataPageTest extends ConsoleTestSupport {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/open/v1/platforms": {"get": {"summary": "Recognized platforms <b>page by page</b>",
                "parameters": [{"name": "year", "in": "query"}, {"name": "district", "in": "query"},
                               {"name": "If-None-Match", "in": "header"}]}},
              "/open/v1/platforms/{platformId}": {"get": {"summary": "One recognized platform",
                "parameters": [{"name": "platformId", "in": "path"}]}},
              "/open/v1/360giving/grants.json": {"get": {"summary": "Every award as a 360Giving grant: JSON"}},
              "/open/v1/360giving/grants.csv": {"get": {"summary": "Every award as a 360Giving grant: CSV"}}
            }}""";

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneReadsThePageWithTheDownloadsAndTheEndpointsOfTheServedDocument() throws Exception {
        BACKEND.answer("GET", "/open/v1/openapi", 200, DOCUMENT);

        String page = mvc.perform(get("/open-data")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("开放数据")
                .contains("href=\"" + OPEN_DATA_PUBLIC_URL + "/open/v1/360giving/grants.json\"")
                .contains("href=\"" + OPEN_DATA_PUBLIC_URL + "/open/v1/360giving/grants.csv\"")
                .contains("href=\"" + OPEN_DATA_PUBLIC_URL + "/open/v1/platforms\"")
                .contains("<code>year</code>").contains("district")
                .contains("href=\"" + OPEN_DATA_PUBLIC_URL + "/open/v1/openapi\"")
                .contains("href=\"" + OPEN_DATA_PUBLIC_URL + "/swagger-ui.html\"");
        // a path with a placeholder is shown, not linked; a header parameter is not a filter
        assertThat(page).contains("<code>/open/v1/platforms/{platformId}</code>")
                .doesNotContain("href=\"" + OPEN_DATA_PUBLIC_URL + "/open/v1/platforms/{platformId}\"")
                .doesNotContain("If-None-Match</code>");
        // the served document's text is escaped like every other value
        assertThat(page).contains("&lt;b&gt;page by page&lt;/b&gt;").doesNotContain("<b>page by page</b>");
    }

    @Test
    void whileTheOpenDataIsDownThePageSaysSoAndStillLinksToIt() throws Exception {
        BACKEND.answer("GET", "/open/v1/openapi", 503, "{\"status\":503}");

        String page = mvc.perform(get("/open-data")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("开放数据服务暂不可用")
                .contains("href=\"" + OPEN_DATA_PUBLIC_URL + "/open/v1\"")
                .doesNotContain("id=\"endpoints\"");
    }

    @Test
    void everyPageOfTheConsoleLinksToItInEnglishToo() throws Exception {
        BACKEND.answer("GET", "/open/v1/openapi", 200, DOCUMENT);

        String signIn = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String english = mvc.perform(get("/open-data").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(signIn).contains("href=\"/open-data\"");
        assertThat(english).contains("Open data").contains("CC BY 4.0");
    }
}
