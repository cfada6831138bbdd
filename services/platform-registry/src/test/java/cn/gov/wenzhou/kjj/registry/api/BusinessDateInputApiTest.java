package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.NotBusinessDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business date in platform-registry is {@code YYYY-MM-DD}: an array of numbers, a date-time or an epoch day is not
 * a date, an empty string is not "no date". Each is a 400 naming the field, and nothing is stored.
 */
@RegistryIntegrationTest
class BusinessDateInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    TestPlatforms platforms;

    @BeforeEach
    void setUp() {
        platforms = new TestPlatforms(port, jdbc);
    }

    @Test
    void aRecognitionDatedWithAnythingButADateIs400AndNotStored() {
        Registered platform = platforms.register(uniqueName("日期"), "鹿城", "数字经济");
        long before = platforms.events(platform.platformId());
        for (String notADate : NotBusinessDates.JSON_VALUES) {
            ApiClient.Response response = platforms.admin().post("/api/platforms/" + platform.platformId()
                    + "/recognition", """
                    {"level": "MUNICIPAL", "documentNumber": "温科发〔2024〕1号", "recognizedOn": %s}"""
                    .formatted(notADate));
            assertThat(response.status()).as(notADate + " " + response).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"recognizedOn\"");
        }
        assertThat(platforms.events(platform.platformId())).isEqualTo(before);
    }

    @Test
    void anAsOfDateThatIsNotADateIs400() {
        Registered platform = platforms.register(uniqueName("日期"), "鹿城", "数字经济");
        for (String notADate : List.of("2024-01-02T00:00:00", "2024-01-02%2B08:00", "2024-1-2", "20240102")) {
            ApiClient.Response response = platforms.admin().get("/api/platforms/" + platform.platformId()
                    + "/as-of?date=" + notADate);
            assertThat(response.status()).as(notADate + " " + response).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"date\"");
        }
    }
}
