package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordEvents.EnterpriseNoticeAddressSet;
import cn.gov.wenzhou.kjj.funding.command.ReportKind;
import cn.gov.wenzhou.kjj.funding.command.NoticeRecipient;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportOverdue;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportOverdueEscalated;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ReportReminderIssued;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.SuspensionProposed;
import cn.gov.wenzhou.kjj.mail.MailAddresses;
import cn.gov.wenzhou.kjj.mail.MailOutbox;
import cn.gov.wenzhou.kjj.mail.OutgoingMail;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers funding's reporting notices by e-mail: each reminder, overdue notice, escalation and suspension proposal
 * is queued in the mail outbox in the transaction that moves this processor's token, with the notice's own id as the
 * key, so a redelivered event, a second instance or a replay never queues it twice. An enterprise's notices go to the
 * address it keeps on its record ({@link EnterpriseNoticeAddressSet}, kept here in {@code enterprise_notice_address});
 * a role's to its mailbox ({@link NoticeMailProperties}). Without an address, a notice is in the console's inbox only.
 * Never replayed: a rebuild must not send anything again.
 */
@Component
@ProcessingGroup(ReportNoticeMailer.NAME)
@DisallowReplay
@EnableConfigurationProperties(NoticeMailProperties.class)
public class ReportNoticeMailer {

    public static final String NAME = "notice-mail";
    private static final Logger log = LoggerFactory.getLogger(ReportNoticeMailer.class);

    private final MailOutbox outbox;
    private final JdbcTemplate jdbc;
    private final NoticeMailProperties properties;

    public ReportNoticeMailer(MailOutbox outbox, JdbcTemplate jdbc, NoticeMailProperties properties) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The outbox key of a notice: the same for every delivery of its event. */
    public static String dedupKey(String noticeId) {
        return "funding." + noticeId;
    }

    @EventHandler
    void on(EnterpriseNoticeAddressSet event) {
        jdbc.update("""
                        insert into enterprise_notice_address (credit_code, address) values (?, ?)
                        on conflict (credit_code) do update set address = excluded.address""",
                event.creditCode(), event.address());
    }

    @EventHandler
    void on(ReportReminderIssued event) {
        send(event.noticeId(), event.recipient(), "funding-report-reminder", event.projectTitle(), event.kind(),
                event.dueOn(), Map.of("daysLeft", String.valueOf(event.daysLeft())));
    }

    @EventHandler
    void on(ReportOverdue event) {
        send(event.noticeId(), event.recipient(), "funding-report-overdue", event.projectTitle(), event.kind(),
                event.dueOn(), Map.of("overdueOn", chinese(event.overdueOn())));
    }

    @EventHandler
    void on(ReportOverdueEscalated event) {
        send(event.noticeId(), event.recipient(), "funding-report-escalated", event.projectTitle(), event.kind(),
                event.dueOn(), Map.of("daysOverdue", String.valueOf(event.daysOverdue()),
                        "recipientCreditCode", event.recipientCreditCode()));
    }

    @EventHandler
    void on(SuspensionProposed event) {
        send(event.noticeId(), event.recipient(), "funding-suspension-proposed", event.projectTitle(), event.kind(),
                event.dueOn(), Map.of("daysOverdue", String.valueOf(event.daysOverdue()),
                        "recipientCreditCode", event.recipientCreditCode()));
    }

    /** The address an enterprise keeps for notices, as this mailer holds it. */
    public Optional<String> addressOf(String creditCode) {
        return jdbc.queryForList("select address from enterprise_notice_address where credit_code = ?", String.class,
                creditCode).stream().findFirst();
    }

    private void send(String noticeId, NoticeRecipient recipient, String template, String projectTitle,
                      ReportKind kind, LocalDate dueOn, Map<String, String> details) {
        String key = dedupKey(noticeId);
        Optional<String> address = "ENTERPRISE".equals(recipient.type()) ? addressOf(recipient.ref())
                : Optional.ofNullable(properties.roleAddresses().get(recipient.ref())).filter(MailAddresses::isValid);
        if (address.isEmpty()) {
            log.info("notice {}: no address for its {} recipient; shown in the console only", key, recipient.type());
            return;
        }
        Map<String, String> values = new HashMap<>(details);
        values.put("project", projectTitle == null ? "" : projectTitle);
        values.put("report", kind.chinese());
        values.put("reportEnglish", kind.english());
        values.put("dueOn", chinese(dueOn));
        outbox.enqueue(new OutgoingMail(key, address.get(), template, values));
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
