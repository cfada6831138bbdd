package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectClosed;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsRecovered;
import cn.gov.wenzhou.kjj.registry.command.ProjectRole;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationRefused;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportMissing;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportReminded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.NoticeAddressSet;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationOverdue;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationReminded;
import cn.gov.wenzhou.kjj.support.security.Actor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A platform's history read straight from the event store ({@link PlatformStreams}): every event in order, with a
 * Chinese and an English label and summary, who caused it and when. Nothing here is a projection, so the timeline is
 * the record itself.
 */
@Component
public class PlatformTimeline {

    private final EventStore eventStore;
    private final IndustryCodeTable industries;

    public PlatformTimeline(EventStore eventStore, IndustryCodeTable industries) {
        this.eventStore = eventStore;
        this.industries = industries;
    }

    /** Empty when the platform has no history. */
    public List<TimelineEntry> of(String platformId) {
        List<DomainEventMessage<?>> history = PlatformStreams.historyOf(eventStore, platformId);
        return IntStream.range(0, history.size()).mapToObj(i -> entry(i, history.get(i))).toList();
    }

    /** {@code position} in the platform's history, its own stream and its record's merged (a sequence is per stream). */
    private TimelineEntry entry(long position, DomainEventMessage<?> message) {
        Label label = label(message.getPayload());
        return new TimelineEntry(position, message.getTimestamp(),
                message.getPayloadType().getSimpleName(), label.zh, label.en, label.summaryZh, label.summaryEn,
                Objects.toString(message.getMetaData().get(Actor.SUBJECT_KEY), null),
                Objects.toString(message.getMetaData().get(Actor.ROLE_KEY), null), shown(message.getPayload()));
    }

    /** The payload as the timeline shows it: a notice address is personal-ish and never leaves the service. */
    private static Object shown(Object payload) {
        if (payload instanceof NoticeAddressSet set) {
            return java.util.Map.of("platformId", set.platformId(), "setOn", set.setOn());
        }
        return payload;
    }

    private record Label(String zh, String en, String summaryZh, String summaryEn) {
    }

    @SuppressWarnings("java:S3776") // one branch per event type reads best as a flat list
    private Label label(Object event) {
        if (event instanceof PlatformRegistered e) {
            String industry = industries.describe(e.industry()).map(i -> i.name()).orElse(e.industry());
            return new Label("登记入库", "Registered",
                    e.name() + "，" + e.district().chineseName() + "，" + industry + "产业",
                    e.name() + ", " + e.district().name() + ", " + e.industry());
        }
        if (event instanceof PlatformRecognized e) {
            return new Label("认定", "Recognized",
                    "认定为" + e.level().chineseName() + "新型研发机构（" + e.documentNumber() + "，" + e.recognizedOn() + "）",
                    "recognized at " + e.level() + " level (" + e.documentNumber() + ", " + e.recognizedOn() + ")");
        }
        if (event instanceof PlatformUpgraded e) {
            return new Label("升级", "Upgraded",
                    "由" + e.fromLevel().chineseName() + "升为" + e.toLevel().chineseName() + "（" + e.documentNumber() + "）",
                    e.fromLevel() + " → " + e.toLevel() + " (" + e.documentNumber() + ", " + e.upgradedOn() + ")");
        }
        if (event instanceof AnnualReportSubmitted e) {
            String again = e.revision() > 1 ? "（第" + e.revision() + "次提交，替换前次）" : "";
            return new Label("提交年度报告", "Annual report submitted",
                    e.year() + "年度报告" + again,
                    e.year() + " report" + (e.revision() > 1 ? " (revision " + e.revision() + ", replaces the earlier)" : ""));
        }
        if (event instanceof PlatformEvaluated e) {
            return new Label("年度绩效评价", "Evaluated",
                    e.year() + "年度评价结果：" + e.grade().chineseName() + "（" + e.score().toPlainString() + "分，参数版本 "
                            + e.parameterVersion() + "）",
                    e.year() + " evaluation: " + e.grade() + " (" + e.score().toPlainString() + ", parameters "
                            + e.parameterVersion() + ")");
        }
        if (event instanceof EvaluationNotAttended e) {
            return e.justified()
                    ? new Label("未参加年度评价（有正当理由）", "Did not attend (justified)",
                    e.year() + "年度未参加评价，理由：" + e.reason(), e.year() + " evaluation not attended, justified: " + e.reason())
                    : new Label("无正当理由未参加年度评价", "Did not attend (no justified reason)",
                    e.year() + "年度无正当理由未参加评价", e.year() + " evaluation not attended without a justified reason");
        }
        if (event instanceof RectificationIssued e) {
            return new Label("发函提醒整改", "Rectification notice issued",
                    e.year() + "年度评价不合格，由" + e.supervisingAuthority() + "督导整改",
                    "FAIL in " + e.year() + "; rectification supervised by " + e.supervisingAuthority());
        }
        if (event instanceof NoticeAddressSet e) {
            return new Label("设置通知邮箱", "Notice address set", "通知邮箱已设置（" + e.setOn() + "）",
                    "notice address set on " + e.setOn());
        }
        if (event instanceof AnnualReportReminded e) {
            return new Label("年报提醒", "Annual report reminder", e.year() + "年度报告应于" + e.dueOn() + "前提交，已提醒",
                    e.year() + " annual report due by " + e.dueOn() + ": reminded");
        }
        if (event instanceof AnnualReportMissing e) {
            return new Label("年报未交", "Annual report missing", e.year() + "年度报告截至" + e.dueOn()
                    + "未提交，列入年报未交名单", e.year() + " annual report not in by " + e.dueOn() + ": listed as missing");
        }
        if (event instanceof RectificationReminded e) {
            return new Label("整改提醒", "Rectification reminder", e.year() + "年度整改期限" + e.deadline() + "，已提醒",
                    e.year() + " rectification due by " + e.deadline() + ": reminded");
        }
        if (event instanceof RectificationOverdue e) {
            return new Label("整改逾期", "Rectification overdue", e.year() + "年度整改逾期（期限" + e.deadline() + "），转"
                    + e.supervisingAuthority() + "跟进", e.year() + " rectification past its deadline of " + e.deadline()
                    + "; followed up by " + e.supervisingAuthority());
        }
        if (event instanceof RectificationConfirmed e) {
            return new Label("整改到位", "Rectification confirmed",
                    e.year() + "年度整改确认到位（" + e.confirmedOn() + "）", e.year() + " rectification confirmed on " + e.confirmedOn());
        }
        if (event instanceof RecognitionRevoked e) {
            return new Label("取消市级认定资格", "Recognition revoked",
                    e.reason().chineseName() + "，取消认定；" + e.reapplicationOpensOn() + "起方可重新申报",
                    e.reason() + "; re-application possible from " + e.reapplicationOpensOn());
        }
        if (event instanceof ReapplicationRefused e) {
            return new Label("重新申报被拒", "Re-application refused",
                    "取消认定后两年内不得重新申报，" + e.reopensOn() + "起方可申报",
                    "inside the two-year bar; re-application possible from " + e.reopensOn());
        }
        if (event instanceof ReapplicationAccepted e) {
            return new Label("重新申报认定", "Re-applied", "期满后重新申报认定（" + e.appliedOn() + "）",
                    "re-applied for recognition after the bar (" + e.appliedOn() + ")");
        }
        if (event instanceof PlatformReRecognized e) {
            return new Label("重新认定", "Recognized again",
                    "重新认定为" + e.level().chineseName() + "新型研发机构（" + e.documentNumber() + "）",
                    "recognized again at " + e.level() + " level (" + e.documentNumber() + ")");
        }
        if (event instanceof FundedProjectWon e) {
            boolean lead = e.role() == ProjectRole.LEAD;
            return new Label("获得揭榜挂帅项目", "Funded project won",
                    (lead ? "牵头承担" : "联合承担") + "项目《" + e.title() + "》" + (lead ? "，资助" + yuan(e.awardFen()) + "元" : ""),
                    (lead ? "leads" : "partners in") + " project \"" + e.title() + "\""
                            + (lead ? ", award " + yuan(e.awardFen()) + " yuan" : ""));
        }
        if (event instanceof ProjectFundsReceived e) {
            return new Label("项目资金拨付", "Project funds received",
                    "第" + e.trancheNumber() + "笔拨款 " + yuan(e.amountFen()) + "元",
                    "tranche " + e.trancheNumber() + ": " + yuan(e.amountFen()) + " yuan");
        }
        if (event instanceof ProjectFundsRecovered e) {
            return new Label("项目资金追回", "Project funds recovered", "追回 " + yuan(e.amountFen()) + "元",
                    yuan(e.amountFen()) + " yuan recovered");
        }
        if (event instanceof FundedProjectClosed e) {
            return new Label("项目结题", "Funded project closed", "项目结题：" + e.outcome(), "project closed: " + e.outcome());
        }
        if (event instanceof PoolHireJoined e) {
            return new Label("人才纳入编制池", "Pool hire joined", "一名人才纳入高层次人才编制池（" + e.field() + "）",
                    "a hire joined the talent staffing pool (" + e.field() + ")");
        }
        if (event instanceof PoolHireLeft e) {
            return new Label("人才退出编制池", "Pool hire left", "一名人才退出编制池（" + e.reason() + "）",
                    "a hire left the talent staffing pool (" + e.reason() + ")");
        }
        String type = event.getClass().getSimpleName();
        return new Label(type, type, type, type);
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
