package cn.gov.wenzhou.kjj.mail;

import cn.gov.wenzhou.kjj.mail.OutboxDatabase.TestClock;
import cn.gov.wenzhou.kjj.mail.testing.GreenMailServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.wenzhou.kjj.mail.testing.GreenMailServer.body;
import static cn.gov.wenzhou.kjj.mail.testing.GreenMailServer.messageId;
import static cn.gov.wenzhou.kjj.mail.testing.GreenMailServer.recipients;
import static cn.gov.wenzhou.kjj.mail.testing.GreenMailServer.subject;
import static org.assertj.core.api.Assertions.assertThat;

class MailOutboxTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-20T01:00:00Z"));
    private OutboxDatabase database;
    private MailOutbox outbox;
    private GreenMailServer smtp;

    @BeforeEach
    void setUp() {
        database = new OutboxDatabase();
        outbox = new MailOutbox(database.jdbc, clock);
        smtp = GreenMailServer.onFreePort();
    }

    @AfterEach
    void tearDown() {
        smtp.close();
    }

    private static OutgoingMail notice(String key, String to, String name) {
        return new OutgoingMail(key, to, "test-notice", Map.of("name", name, "year", "2025", "dueOn", "2026-03-31"));
    }

    @Test
    void queuedNoticesAreSentOnceEachToTheirRecipientWithTheirChineseSubject() {
        smtp.start();
        MailOutboxSender sender = database.sender(OutboxDatabase.properties(smtp.host(), smtp.port(), 20), clock);
        assertThat(outbox.enqueue(notice("t:a", "office@ouhai-lab.cn", "瓯江实验室"))).isTrue();
        assertThat(outbox.enqueue(notice("t:b", "kjc@ruian-inst.cn", "瑞安研究院"))).isTrue();
        // the same notice again (a replay, a second instance): nothing more is queued
        assertThat(outbox.enqueue(notice("t:a", "office@ouhai-lab.cn", "瓯江实验室"))).isFalse();

        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(sender.sendDue()).isZero();

        List<MimeMessage> received = smtp.received();
        assertThat(received).hasSize(2);
        MimeMessage ouhai = smtp.receivedFor("office@ouhai-lab.cn").get(0);
        assertThat(subject(ouhai)).isEqualTo("【温州市科技局】2025年度报告提醒 / 瓯江实验室");
        assertThat(body(ouhai)).contains("尊敬的瓯江实验室：").contains("应于2026-03-31前提交");
        assertThat(recipients(smtp.receivedFor("kjc@ruian-inst.cn").get(0))).containsExactly("kjc@ruian-inst.cn");
        assertThat(messageId(ouhai)).isEqualTo(sender.messageId("t:a"));
    }

    @Test
    void aNoticeQueuedInATransactionThatRollsBackIsNeverSent() {
        smtp.start();
        MailOutboxSender sender = database.sender(OutboxDatabase.properties(smtp.host(), smtp.port(), 20), clock);
        database.transactions.executeWithoutResult(status -> {
            outbox.enqueue(notice("t:rolled-back", "office@ouhai-lab.cn", "瓯江实验室"));
            status.setRollbackOnly();
        });

        assertThat(outbox.isQueued("t:rolled-back")).isFalse();
        assertThat(sender.sendDue()).isZero();
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void whileTheRelayIsDownNoNoticeIsLostAndOnceItIsBackEachIsSentOnce() {
        MailOutboxSender sender = database.sender(OutboxDatabase.properties(smtp.host(), smtp.port(), 20), clock);
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(notice("t:down-" + i, "p" + i + "@ouhai-lab.cn", "平台" + i));
        }

        assertThat(sender.sendDue()).isZero();
        assertThat(database.jdbc.queryForObject(
                "select count(*) from mail_outbox where sent_at is null", Integer.class)).isEqualTo(3);
        assertThat(database.jdbc.queryForObject(
                "select attempts from mail_outbox where dedup_key = 't:down-0'", Integer.class)).isEqualTo(1);
        // backing off: the next poll right away does not knock again
        assertThat(sender.sendDue()).isZero();
        assertThat(database.jdbc.queryForObject(
                "select attempts from mail_outbox where dedup_key = 't:down-0'", Integer.class)).isEqualTo(1);

        smtp.start();
        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.sendDue()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDue()).isZero();

        assertThat(smtp.received()).hasSize(3);
        assertThat(smtp.received().stream().map(GreenMailServer::messageId).distinct()).hasSize(3);
        assertThat(database.jdbc.queryForObject(
                "select count(*) from mail_outbox where sent_at is null", Integer.class)).isZero();
    }

    @Test
    void twoSendersOnOneDatabaseSendEachNoticeOnce() throws Exception {
        smtp.start();
        int notices = 60;
        for (int i = 0; i < notices; i++) {
            outbox.enqueue(notice("t:pair-" + i, "p" + i + "@ouhai-lab.cn", "平台" + i));
        }
        MailOutboxSender first = database.sender(OutboxDatabase.properties(smtp.host(), smtp.port(), 5), clock);
        MailOutboxSender second = database.sender(OutboxDatabase.properties(smtp.host(), smtp.port(), 5), clock);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(first::sendDue, second::sendDue);
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(both)) {
                total += result.get();
            }
            assertThat(total).isEqualTo(notices);
        } finally {
            pool.shutdownNow();
        }

        List<MimeMessage> received = smtp.received();
        assertThat(received).hasSize(notices);
        Set<String> ids = new HashSet<>();
        List<String> to = new ArrayList<>();
        received.forEach(message -> {
            ids.add(messageId(message));
            to.addAll(recipients(message));
        });
        assertThat(ids).hasSize(notices);
        assertThat(new HashSet<>(to)).hasSize(notices);
    }

    @Test
    void theMetricsShowWhatWaitsAndForHowLong() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MailOutboxMetrics.register(meters, database.jdbc, clock);
        outbox.enqueue(notice("t:m-1", "a@ouhai-lab.cn", "甲"));
        clock.advance(Duration.ofMinutes(2));
        outbox.enqueue(notice("t:m-2", "b@ouhai-lab.cn", "乙"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(meters.get("stb.mail.waiting").gauge().value()).isEqualTo(2);
        assertThat(meters.get("stb.mail.oldest.waiting.age").gauge().value()).isEqualTo(180);

        smtp.start();
        MailOutboxSender sender = new MailOutboxSender(database.jdbc, database.transactions,
                MailOutboxAutoConfiguration.smtpSender(OutboxDatabase.properties(smtp.host(), smtp.port(), 20).smtp()),
                new MailTemplates(), OutboxDatabase.properties(smtp.host(), smtp.port(), 20), clock, meters);
        sender.sendDue();
        assertThat(meters.get("stb.mail.waiting").gauge().value()).isZero();
        assertThat(meters.get("stb.mail.oldest.waiting.age").gauge().value()).isZero();
        assertThat(meters.get("stb.mail.sent").counter().count()).isEqualTo(2);
    }
}
