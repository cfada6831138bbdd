package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.contracts.talent.PoolQuotaSet;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

@OpenDataIntegrationTest
class TalentPoolApiTest {

    private static final String POOL = "wenzhou-talent-institute";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    OpenDataTestSupport openData;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
    }

    @Test
    void thePoolIsPublishedAsCountsByYearAndNothingAboutAHireIsKept() {
        String employer = newCreditCode();
        List<String> enrollments = List.of(newId(), newId(), newId());
        List<String> published = new ArrayList<>();
        published.add(openData.publish(new PoolQuotaSet(POOL, 2091, 150, LocalDate.of(2091, 1, 5)), POOL));
        published.add(openData.publish(new PoolQuotaSet(POOL, 2091, 180, LocalDate.of(2091, 3, 5)), POOL));
        for (String enrollment : enrollments) {
            published.add(openData.publish(new HireAdmitted(enrollment, employer, null, "NEW_MATERIALS", "SENIOR",
                    LocalDate.of(2091, 6, 1)), enrollment));
        }
        published.add(openData.publish(new HireExited(enrollments.get(0), employer, null, "NEW_MATERIALS", "SENIOR",
                "LEFT_EMPLOYER", LocalDate.of(2092, 2, 1)), enrollments.get(0)));
        openData.awaitApplied(published.toArray(String[]::new));

        JsonNode years = openData.api().get("/open/v1/talent-pool/years").json().path("items");
        JsonNode y2091 = openData.api().get("/open/v1/talent-pool/years?year=2091").json().path("items").get(0);
        assertThat(y2091.toString()).isEqualTo(
                "{\"year\":2091,\"quota\":180,\"quotaDecidedOn\":\"2091-03-05\",\"admitted\":3,\"exited\":0}");
        JsonNode y2092 = openData.api().get("/open/v1/talent-pool/years?year=2092").json().path("items").get(0);
        assertThat(y2092.path("exited").asInt()).isEqualTo(1);
        assertThat(y2092.path("quota").isNull()).isTrue();
        assertThat(years.toString()).doesNotContain(employer, "NEW_MATERIALS", "SENIOR", "LEFT_EMPLOYER");

        List<String> stored = ReadModelScan.everyValue(jdbc);
        assertThat(stored).noneMatch(value -> value.contains(employer));
        assertThat(stored).noneMatch(value -> enrollments.stream().anyMatch(value::contains));
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = "
                + "'pool_year' order by ordinal_position", String.class))
                .containsExactly("year", "quota", "quota_decided_on", "admitted", "exited");
    }
}
