package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.mail.testing.GreenMailServer;
import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.registry.command.ObligationParameters;
import cn.gov.wenzhou.kjj.registry.command.ObligationSweep;
import cn.gov.wenzhou.kjj.registry.query.ObligationQueries;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import static cn.gov.wenzhou.kjj.mail.testing.GreenMailServer.subject;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The obligations end to end under a controlled business date (the sweep is run with the date the test wants): the
 * sweep records a reminder and a missing report, the notice mailer queues them, the outbox sends them over SMTP to
 * the test JVM's GreenMail server, once each, whatever the sweeps repeated or ran side by side.
 */
@RegistryIntegrationTest
class ObligationMailTest {

    /** platform-registry.yml: 2025's report falls due 2026-03-31, reminders from 14 days before. */
    private static final LocalDate DUE_2025 = LocalDate.of(2026, 3, 31);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObligationSweep sweep;
    @Autowired
    CommandGateway commands;
    @Autowired
    ObligationQueries queries;
    @Autowired
    ObligationParameters parameters;
    @Autowired
    Clock clock;

    private final GreenMailServer smtp = GreenMailServer.shared();

    private Registered platformWithAddress(TestPlatforms platforms, String prefix, String address) {
        Registered platform = platforms.recognized(uniqueName(prefix), "鹿城", "数字经济", "MUNICIPAL", "2024-06-01");
        expect(200, platforms.asPlatform(platform.creditCode()).put("/api/platforms/" + platform.platformId()
                + "/notice-address", "{\"address\": \"" + address + "\"}"));
        platforms.awaitEvent(platform.platformId(), "NoticeAddressSet");
        return platform;
    }

    private static String uniqueAddress() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8) + "@ojlab.example.cn";
    }

    /**
     * Waits until {@code queued} notices of the platform of the kinds {@code kinds} (a prefix: "annual-report",
     * "rectification") are queued and every one has left the outbox, then reads what arrived of those kinds.
     */
    private List<MimeMessage> sentTo(String platformId, String address, String kinds, String subjectPart,
                                     int queued) {
        String key = "registry." + kinds + "%:" + platformId + ":%";
        await().atMost(TestPlatforms.PATIENCE).until(() -> {
            Integer rows = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key like ?",
                    Integer.class, key);
            Integer unsent = jdbc.queryForObject(
                    "select count(*) from mail_outbox where dedup_key like ? and sent_at is null", Integer.class, key);
            return rows != null && rows == queued && unsent != null && unsent == 0;
        });
        return smtp.receivedFor(address).stream().filter(m -> subject(m).contains(subjectPart)).toList();
    }

    @Test
    void aDueDatePassingRemindsThenListsTheReportMissingAndMailsEachNoticeOnce() throws Exception {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        String address = uniqueAddress();
        Registered platform = platformWithAddress(platforms, "年报", address);
        await().atMost(TestPlatforms.PATIENCE).until(() -> !jdbc.queryForList(
                "select 1 from platform_summary where platform_id = ? and status = 'RECOGNIZED'",
                platform.platformId()).isEmpty());

        sweep.run(DUE_2025.minusDays(15));
        assertThat(platforms.eventTypes(platform.platformId())).doesNotContain("AnnualReportReminded");

        sweep.run(DUE_2025.minusDays(14));
        platforms.awaitEvent(platform.platformId(), "AnnualReportReminded");
        List<MimeMessage> reminder = sentTo(platform.platformId(), address, "annual-report", "年度报告", 1);
        assertThat(reminder).hasSize(1);
        assertThat(subject(reminder.get(0))).isEqualTo("【温州市科学技术局】2025年度报告提醒 / Annual report reminder 2025");
        assertThat(GreenMailServer.body(reminder.get(0))).contains(platform.name()).contains("2026年3月31日");

        // a restart between the reminder and the due date: a new sweep knows nothing, the platform remembers
        new ObligationSweep(commands, queries, parameters, clock, false).run(DUE_2025.minusDays(3));
        sweep.run(DUE_2025);

        // after the due date two instances sweep at once
        ObligationSweep other = new ObligationSweep(commands, queries, parameters, clock, false);
        CompletableFuture<ObligationSweep.Result> first = CompletableFuture.supplyAsync(
                () -> sweep.run(DUE_2025.plusDays(1)));
        CompletableFuture<ObligationSweep.Result> second = CompletableFuture.supplyAsync(
                () -> other.run(DUE_2025.plusDays(1)));
        first.get();
        second.get();
        sweep.run(DUE_2025.plusDays(2));

        assertThat(platforms.eventTypes(platform.platformId()).stream()
                .filter(type -> type.equals("AnnualReportReminded"))).hasSize(1);
        assertThat(platforms.eventTypes(platform.platformId()).stream()
                .filter(type -> type.equals("AnnualReportMissing"))).hasSize(1);
        List<MimeMessage> both = sentTo(platform.platformId(), address, "annual-report", "年度报告", 2);
        assertThat(both).hasSize(2);
        assertThat(both.stream().map(GreenMailServer::subject)).containsExactlyInAnyOrder(
                "【温州市科学技术局】2025年度报告提醒 / Annual report reminder 2025",
                "【温州市科学技术局】2025年度报告未交 / Annual report 2025 missing");

        JsonNode missing = awaitListed(platforms.admin(), "/api/obligations/missing-annual-reports",
                platform.platformId());
        assertThat(missing.get("year").asInt()).isEqualTo(2025);
        assertThat(missing.get("dueOn").asText()).isEqualTo("2026-03-31");
        assertThat(missing.get("missingSince").asText()).isEqualTo("2026-04-01");
        assertThat(missing.get("parameterVersion").asText()).isEqualTo("2025.1");
        assertThat(missing.toString()).doesNotContain(address);

        JsonNode inbox = expect(200, platforms.asPlatform(platform.creditCode()).get("/api/notices")).json();
        assertThat(StreamSupport.stream(inbox.spliterator(), false).map(n -> n.get("kind").asText()))
                .containsExactly("ANNUAL_REPORT_MISSING", "ANNUAL_REPORT_REMINDER");
        assertThat(inbox.toString()).doesNotContain(address);
        assertThat(platforms.timeline(platform.platformId()).toString()).contains("NoticeAddressSet")
                .contains("年报未交").doesNotContain(address);
        JsonNode someoneElses = expect(200, platforms.asPlatform(TestPlatforms.newCreditCode()).get("/api/notices"))
                .json();
        assertThat(someoneElses).isEmpty();

        // staff decide with the existing non-participation command; the platform leaves the list
        expect(201, platforms.admin().post("/api/platforms/" + platform.platformId() + "/non-participations",
                "{\"year\": 2025, \"justified\": true, \"reason\": \"主要负责人变更，经市科技局同意缓评\"}"));
        await().atMost(TestPlatforms.PATIENCE).until(() -> !listed(platforms.admin(),
                "/api/obligations/missing-annual-reports", platform.platformId()));
    }

    @Test
    void anUnconfirmedRectificationIsRemindedThenListedForItsDistrictAuthority() {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        String address = uniqueAddress();
        Registered platform = platformWithAddress(platforms, "整改", address);
        platforms.reportAndEvaluate(platform.platformId(), 2025, "41");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        LocalDate deadline = BusinessCalendar.today(clock).plusDays(90);
        await().atMost(TestPlatforms.PATIENCE).until(() -> !jdbc.queryForList(
                "select 1 from rectification_follow_up where platform_id = ? and deadline = ?",
                platform.platformId(), deadline).isEmpty());

        sweep.run(deadline.minusDays(14));
        sweep.run(deadline.minusDays(13));
        sweep.run(deadline.plusDays(1));
        sweep.run(deadline.plusDays(2));

        List<MimeMessage> received = sentTo(platform.platformId(), address, "rectification", "整改", 2);
        assertThat(received.stream().map(GreenMailServer::subject)).containsExactlyInAnyOrder(
                "【温州市科学技术局】2025年度整改提醒 / Rectification reminder 2025",
                "【温州市科学技术局】2025年度整改逾期 / Rectification 2025 overdue");
        JsonNode followUp = awaitListed(platforms.admin(), "/api/obligations/rectification-follow-ups",
                platform.platformId());
        assertThat(followUp.get("supervisingAuthority").asText()).isEqualTo("鹿城区科技局");
        assertThat(followUp.get("deadline").asText()).isEqualTo(deadline.toString());

        expect(200, platforms.admin().post("/api/platforms/" + platform.platformId()
                + "/rectifications/2025/confirmation", null));
        await().atMost(TestPlatforms.PATIENCE).until(() -> !listed(platforms.admin(),
                "/api/obligations/rectification-follow-ups", platform.platformId()));
    }

    @Test
    void aNoticeAddressThatIsNotAnAddressIsRefusedAndNothingIsStored() {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        Registered platform = platforms.recognized(uniqueName("地址"));
        long before = platforms.events(platform.platformId());
        ApiClient.Response refused = platforms.admin().put("/api/platforms/" + platform.platformId()
                + "/notice-address", "{\"address\": \"not an address\"}");
        expect(400, refused);
        assertThat(refused.body()).contains("address").doesNotContain("not an address");
        expect(400, platforms.admin().put("/api/platforms/" + platform.platformId() + "/notice-address",
                "{\"address\": \"" + "a".repeat(250) + "@lab.cn\"}"));
        expect(403, platforms.asPlatform(TestPlatforms.newCreditCode()).put("/api/platforms/"
                + platform.platformId() + "/notice-address", "{\"address\": \"x@lab.example.cn\"}"));
        assertThat(platforms.events(platform.platformId())).isEqualTo(before);
    }

    private static boolean listed(ApiClient client, String path, String platformId) {
        return find(expect(200, client.get(path + "?limit=500")).json(), platformId) != null;
    }

    private static JsonNode awaitListed(ApiClient client, String path, String platformId) {
        JsonNode[] row = new JsonNode[1];
        await().atMost(TestPlatforms.PATIENCE).until(() -> {
            row[0] = find(expect(200, client.get(path + "?limit=500")).json(), platformId);
            return row[0] != null;
        });
        return row[0];
    }

    private static JsonNode find(JsonNode list, String platformId) {
        for (JsonNode row : list) {
            if (row.get("platformId").asText().equals(platformId)) {
                return row;
            }
        }
        return null;
    }
}
