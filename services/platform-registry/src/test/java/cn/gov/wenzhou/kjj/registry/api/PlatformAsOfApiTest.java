package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** A platform's record as of a past instant, replayed from its events in the event store. */
@RegistryIntegrationTest
class PlatformAsOfApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    TestPlatforms platforms;

    @BeforeEach
    void setUp() {
        platforms = new TestPlatforms(port, jdbc);
    }

    @Test
    void asOfEachEventsInstantShowsTheRecordAsItStoodThen() {
        Registered platform = platforms.recognized(uniqueName("回放研究院"), "乐清", "电气", "MUNICIPAL", "2021-06-01");
        platforms.reportAndEvaluate(platform.platformId(), 2023, "50");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        Map<String, String> recordedAt = instantsByType(platform.platformId());

        JsonNode registered = asOf(platform, recordedAt.get("PlatformRegistered"));
        assertThat(registered.path("eventsApplied").asInt()).isEqualTo(1);
        assertThat(registered.path("state").path("status").asText()).isEqualTo("REGISTERED");
        assertThat(registered.path("state").path("level").isNull()).isTrue();

        JsonNode recognized = asOf(platform, recordedAt.get("PlatformRecognized")).path("state");
        assertThat(recognized.path("status").asText()).isEqualTo("RECOGNIZED");
        assertThat(recognized.path("level").asText()).isEqualTo("MUNICIPAL");
        assertThat(recognized.path("recognizedOn").asText()).isEqualTo("2021-06-01");
        assertThat(recognized.path("years")).isEmpty();

        JsonNode evaluated = asOf(platform, recordedAt.get("PlatformEvaluated")).path("state");
        assertThat(evaluated.path("status").asText()).isEqualTo("RECOGNIZED");
        assertThat(evaluated.path("years").get(0).path("grade").asText()).isEqualTo("FAIL");
        assertThat(evaluated.path("years").get(0).path("reportRevision").asInt()).isEqualTo(1);
        assertThat(evaluated.path("years").get(0).path("rectificationIssuedOn").isNull()).isTrue();

        JsonNode rectifying = asOf(platform, recordedAt.get("RectificationIssued")).path("state");
        assertThat(rectifying.path("status").asText()).isEqualTo("UNDER_RECTIFICATION");
        assertThat(rectifying.path("openRectifications").toString()).isEqualTo("[2023]");
        assertThat(rectifying.path("years").get(0).path("supervisingAuthority").asText()).isEqualTo("乐清市科技局");
    }

    @Test
    void asOfTodayAgreesWithTheCurrentRecordOfARevokedPlatform() {
        Registered platform = platforms.recognized(uniqueName("回放撤销"));
        platforms.reportAndEvaluate(platform.platformId(), 2023, "50");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        platforms.reportAndEvaluate(platform.platformId(), 2024, "55");
        platforms.awaitEvent(platform.platformId(), "RecognitionRevoked");
        LocalDate today = BusinessCalendar.today(clock);

        ApiClient.Response response = platforms.admin().get("/api/platforms/" + platform.platformId()
                + "/as-of?date=" + today);
        expect(200, response);
        JsonNode state = response.json().path("state");
        JsonNode current = platforms.awaitDetail(platform.platformId(),
                d -> "REVOKED".equals(d.path("platform").path("status").asText())).path("platform");

        assertThat(state.path("status").asText()).isEqualTo(current.path("status").asText());
        assertThat(state.path("level").isNull()).isTrue();
        assertThat(state.path("revokedOn").asText()).isEqualTo(current.path("revokedOn").asText());
        assertThat(state.path("revocationReason").asText()).isEqualTo("FAILED_TWO_CONSECUTIVE_YEARS");
        assertThat(state.path("reapplicationOpensOn").asText()).isEqualTo(today.plusYears(2).toString());
        assertThat(state.path("years")).hasSize(2);
        assertThat(response.json().path("eventsApplied").asLong()).isEqualTo(platforms.events(platform.platformId()));
    }

    @Test
    void beforeItsRegistrationAPlatformHasNoRecordAndTheInstantIsRequired() {
        Registered platform = platforms.register(uniqueName("回放边界"), "鹿城", "数字经济");
        String path = "/api/platforms/" + platform.platformId() + "/as-of";

        assertThat(platforms.admin().get(path + "?at=2001-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(platforms.admin().get("/api/platforms/no-such-platform/as-of?date=2024-01-01").status())
                .isEqualTo(404);
        ApiClient.Response neither = platforms.admin().get(path);
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().path("errors").get(0).path("field").asText()).isEqualTo("at");
        assertThat(platforms.admin().get(path + "?at=2024-01-01T00:00:00Z&date=2024-01-01").status())
                .isEqualTo(400);
        assertThat(platforms.admin().get(path + "?date=yesterday").status()).isEqualTo(400);
    }

    @Test
    void aPlatformReadsOnlyItsOwnPastRecord() {
        Registered own = platforms.recognized(uniqueName("回放本机构"));
        Registered other = platforms.recognized(uniqueName("回放他机构"));
        ApiClient self = platforms.asPlatform(own.creditCode());
        String today = BusinessCalendar.today(clock).toString();

        expect(200, self.get("/api/platforms/" + own.platformId() + "/as-of?date=" + today));
        assertThat(self.get("/api/platforms/" + other.platformId() + "/as-of?date=" + today).status())
                .isEqualTo(403);
    }

    private JsonNode asOf(Registered platform, String instant) {
        ApiClient.Response response = platforms.admin().get("/api/platforms/" + platform.platformId()
                + "/as-of?at=" + instant);
        expect(200, response);
        return response.json();
    }

    /** When each type of the platform's events was recorded (the last of a type, if several). */
    private Map<String, String> instantsByType(String platformId) {
        Map<String, String> instants = new HashMap<>();
        platforms.timeline(platformId).forEach(entry -> instants.put(entry.path("type").asText(),
                entry.path("recordedAt").asText()));
        return instants;
    }
}
