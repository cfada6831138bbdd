package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.opendata.query.ReadModelRebuild;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.PATIENCE;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is a projection of the topics: emptied and replayed from offset 0, it comes back identical. */
@OpenDataIntegrationTest
class RebuildTest {

    private static final List<String> READ_MODEL = List.of("platform", "platform_grade", "recognition_period",
            "challenge_call", "listed_demand", "award", "award_partner", "award_money", "pool_year");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReadModelRebuild rebuild;

    @Test
    void aRebuildFromOffsetZeroReproducesEveryRowAndMakesEveryOldETagStale() {
        OpenDataTestSupport openData = new OpenDataTestSupport(jdbc, port);
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "重建测试研究院", "TAISHUN", "泰顺县", "FOOTWEAR",
                LocalDate.of(2023, 3, 3));
        String projectId = newId();
        String enrollment = newId();
        openData.awaitApplied(
                openData.publish(new PlatformEvaluated(platformId, code, 2024, "PASS", new BigDecimal("70"), "2021.1",
                        LocalDate.of(2025, 3, 1)), platformId),
                openData.publish(new ProjectAwarded(projectId, newId(), "重建测试项目", code, platformId, List.of(),
                        5_000_000L, 0L, "2024.1", LocalDate.of(2025, 6, 1)), projectId),
                openData.publish(new TrancheDisbursed(projectId, 1, 2_500_000L, code, platformId,
                        LocalDate.of(2025, 6, 9)), projectId),
                openData.publish(new HireAdmitted(enrollment, code, platformId, "FOOTWEAR", "MID_LEVEL",
                        LocalDate.of(2093, 1, 1)), enrollment));
        Map<String, String> before = TableChecksums.of(dataSource, READ_MODEL);
        String etag = openData.api().get("/open/v1/awards/" + projectId).headers().getETag();

        rebuild.rebuild();

        await().atMost(PATIENCE.multipliedBy(2)).until(() -> TableChecksums.of(dataSource, READ_MODEL).equals(before));
        assertThat(jdbc.queryForObject("select count(*) from platform", Long.class)).isPositive();
        assertThat(openData.api().header("If-None-Match", etag).get("/open/v1/awards/" + projectId).status())
                .isEqualTo(200);
    }
}
