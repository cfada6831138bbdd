package cn.gov.wenzhou.kjj.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutgoingMailTest {

    @Test
    void aNoticeNeedsAPlainAddressAKeyAndATemplateName() {
        assertThat(new OutgoingMail("k:1", "office@ouhai-lab.cn", "annual-report", Map.of()).values()).isEmpty();
        for (String bad : new String[] {null, "", "office", "office@lab", "a b@lab.cn", "<x@lab.cn>", "x@lab.cn\r\nBcc: y@z.cn",
                ".a@lab.cn", "a..b@lab.cn", "a@" + "x".repeat(250) + ".cn"}) {
            assertThatThrownBy(() -> new OutgoingMail("k:1", bad, "annual-report", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new OutgoingMail("k 1", "a@lab.cn", "annual-report", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("k:1", "a@lab.cn", "../secret", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAddressNeverAppearsInTheNoticesTextualForm() {
        OutgoingMail mail = new OutgoingMail("k:1", "office@ouhai-lab.cn", "annual-report", Map.of("name", "x"));
        assertThat(mail.toString()).doesNotContain("office@ouhai-lab.cn").contains("k:1");
        assertThatThrownBy(() -> new OutgoingMail("k:1", "bad address@x.cn", "annual-report", Map.of()))
                .hasMessageNotContaining("bad address");
    }

    @Test
    void theBackoffDoublesUpToItsCeiling() {
        MailOutboxProperties properties = OutboxDatabase.properties("localhost", 25, 20);
        MailOutboxSender sender = new MailOutboxSender(null, null, null, new MailTemplates(), properties,
                new OutboxDatabase.TestClock(java.time.Instant.EPOCH), null);
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(sender.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(sender.backoff(40)).isEqualTo(Duration.ofMinutes(30));
    }
}
