package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.mail.MailOutbox;
import cn.gov.wenzhou.kjj.mail.OutgoingMail;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportMissing;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportReminded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.NoticeAddressSet;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationOverdue;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationReminded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers the registry's notices by e-mail: each reminder, missing report and overdue rectification is queued in the
 * mail outbox in the transaction that moves this processor's token, with a key derived from the notice (platform,
 * kind, year), so a redelivered event, a second instance or a replay never queues it twice. The notice addresses are
 * kept here too, from the events, in {@code platform_notice_address}. Never replayed.
 */
@Component
@ProcessingGroup(NoticeMailer.NAME)
@DisallowReplay
public class NoticeMailer {

    public static final String NAME = "notice-mail";
    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final MailOutbox outbox;
    private final JdbcTemplate jdbc;

    public NoticeMailer(MailOutbox outbox, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** The outbox key of a notice: the same for every delivery of its event. */
    public static String dedupKey(String kind, String platformId, int year) {
        return "registry." + kind + ":" + platformId + ":" + year;
    }

    @EventHandler
    void on(NoticeAddressSet event) {
        jdbc.update("""
                        insert into platform_notice_address (platform_id, address) values (?, ?)
                        on conflict (platform_id) do update set address = excluded.address""",
                event.platformId(), event.address());
    }

    @EventHandler
    void on(AnnualReportReminded event) {
        send("annual-report-reminder", event.platformId(), event.year(), "registry-annual-report-reminder",
                Map.of("dueOn", chinese(event.dueOn())));
    }

    @EventHandler
    void on(AnnualReportMissing event) {
        send("annual-report-missing", event.platformId(), event.year(), "registry-annual-report-missing",
                Map.of("dueOn", chinese(event.dueOn())));
    }

    @EventHandler
    void on(RectificationReminded event) {
        send("rectification-reminder", event.platformId(), event.year(), "registry-rectification-reminder",
                Map.of("deadline", chinese(event.deadline()), "authority", event.supervisingAuthority()));
    }

    @EventHandler
    void on(RectificationOverdue event) {
        send("rectification-overdue", event.platformId(), event.year(), "registry-rectification-overdue",
                Map.of("deadline", chinese(event.deadline()), "authority", event.supervisingAuthority()));
    }

    private void send(String kind, String platformId, int year, String template, Map<String, String> details) {
        String key = dedupKey(kind, platformId, year);
        Optional<String> address = addressOf(platformId);
        if (address.isEmpty()) {
            log.info("notice {}: the platform keeps no notice address; shown in the console only", key);
            return;
        }
        Map<String, String> values = new HashMap<>(details);
        values.put("name", nameOf(platformId));
        values.put("year", String.valueOf(year));
        outbox.enqueue(new OutgoingMail(key, address.get(), template, values));
    }

    private Optional<String> addressOf(String platformId) {
        List<String> found = jdbc.queryForList("select address from platform_notice_address where platform_id = ?",
                String.class, platformId);
        return found.stream().findFirst();
    }

    private String nameOf(String platformId) {
        List<String> found = jdbc.queryForList("select name from platform_summary where platform_id = ?",
                String.class, platformId);
        return found.stream().findFirst().orElse("贵单位");
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
