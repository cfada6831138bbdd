package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The city dashboard: every figure the registry's dashboard answers, as a chart and as the table behind it. */
@ConsoleTest
class DashboardPageTest extends ConsoleTestSupport {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void dashboard() {
        BACKEND.answer("GET", "/api/dashboard", 200, Stubs.read("dashboard.json"));
    }

    @Test
    void theDashboardChartsStatusLevelTargetsCoverageAndIndicatorsEachWithItsNumbers() throws Exception {
        String page = page();
        // five charts, each drawn by the console's script from its data-chart attribute (no inline script)
        assertThat(count(page, "data-chart=\"")).isEqualTo(5);
        assertThat(page).contains("id=\"coverage-chart\"").contains("&quot;type&quot;:&quot;heatmap&quot;");
        // the 5+5 matrix: ten industries, each with its count by level and its applicants
        Matcher rows = Pattern.compile("<table class=\"grid\" id=\"coverage\">.*?<tbody>(.*?)</tbody>",
                Pattern.DOTALL).matcher(page);
        assertThat(rows.find()).isTrue();
        assertThat(count(rows.group(1), "<tr")).isEqualTo(10);
        assertThat(rows.group(1)).contains("电气").contains("新材料");
    }

    @Test
    void theCityTargetsShowHowFarTheCityIsAndWhatRemains() throws Exception {
        String page = page();
        // 50 at municipal level or above (68: met), 10 provincial (9: one to go by 2025), recruitment 7 of 10
        assertThat(page).contains("id=\"target-municipalOrAbove\">68<").contains("id=\"target-provincialOrAbove\">9<")
                .contains("距 2025 年目标还差 1");
        assertThat(page).containsPattern("id=\"recruitment\"[\\s\\S]*?<span>7</span> / <span>10</span>");
    }

    @Test
    void recruitmentIsShownForTheYearAsked() throws Exception {
        page("/dashboard?recruitmentYear=2023");
        assertThat(BACKEND.requestsTo("/api/dashboard").get(BACKEND.requestsTo("/api/dashboard").size() - 1)
                .query()).isEqualTo("recruitmentYear=2023");
    }

    private String page() throws Exception {
        return page("/dashboard");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as("REGISTRY_ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
