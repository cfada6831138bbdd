package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformStanding;
import cn.gov.wenzhou.kjj.registry.command.PlatformStatus;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationRefused;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.RecordedPlatformStandings;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One row per platform ({@code platform_summary}): the list and the detail header; and the dashboard's counts per
 * status, level, industry and district ({@code platform_count}). Rows come only from events, stamped with the events' own timestamps, so a rebuild reproduces them exactly.
 * Status, level and open rectifications are the platform's standing as the registry decided it
 * ({@link RecordedPlatformStandings}), never worked out here.
 */
@Component
@ProcessingGroup(PlatformSummaryProjection.NAME)
public class PlatformSummaryProjection {

    public static final String NAME = "platform-summary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RecordedPlatformStandings standings;

    public PlatformSummaryProjection(JdbcTemplate jdbc, RecordedPlatformStandings standings) {
        this.jdbc = jdbc;
        this.standings = standings;
    }

    @EventHandler
    void on(PlatformRegistered event, @Timestamp Instant at) {
        count(new CountKey(PlatformStatus.REGISTERED.name(), "", event.industry(), event.district().name()), 1);
        jdbc.update("""
                        insert into platform_summary (platform_id, credit_code, name, district, industry,
                            industry_table_version, legal_form, lead_model, hosts, status, registered_on,
                            open_rectifications, refused_reapplications, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)""",
                event.platformId(), event.creditCode(), event.name(), event.district().name(), event.industry(),
                event.industryTableVersion(), event.legalForm().name(), event.leadModel().name(),
                json(event.hosts()), PlatformStatus.REGISTERED.name(), event.registeredOn(), ts(at));
    }

    @EventHandler
    void on(PlatformRecognized event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("""
                        update platform_summary set recognized_on = ?, document_number = ?,
                            first_recognized_on = coalesce(first_recognized_on, ?), updated_at = ?
                        where platform_id = ?""",
                event.recognizedOn(), event.documentNumber(), event.recognizedOn(), ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    @EventHandler
    void on(PlatformReRecognized event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("""
                        update platform_summary set recognized_on = ?, document_number = ?,
                            reapplication_opens_on = null, updated_at = ?
                        where platform_id = ?""",
                event.recognizedOn(), event.documentNumber(), ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    @EventHandler
    void on(PlatformUpgraded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("update platform_summary set document_number = ?, updated_at = ? where platform_id = ?",
                event.documentNumber(), ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    @EventHandler
    void on(PlatformEvaluated event, @Timestamp Instant at) {
        lastResult(event.platformId(), event.year(), event.grade().name(), at);
    }

    @EventHandler
    void on(EvaluationNotAttended event, @Timestamp Instant at) {
        lastResult(event.platformId(), event.year(), "NOT_ATTENDED", at);
    }

    @EventHandler
    void on(RectificationIssued event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("update platform_summary set updated_at = ? where platform_id = ?", ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    @EventHandler
    void on(RectificationConfirmed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("update platform_summary set updated_at = ? where platform_id = ?", ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    @EventHandler
    void on(RecognitionRevoked event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("""
                        update platform_summary set revoked_on = ?, revocation_reason = ?, reapplication_opens_on = ?,
                            updated_at = ?
                        where platform_id = ?""",
                event.revokedOn(), event.reason().name(), event.reapplicationOpensOn(), ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    @EventHandler
    void on(ReapplicationRefused event, @Timestamp Instant at) {
        jdbc.update("""
                        update platform_summary set refused_reapplications = refused_reapplications + 1, updated_at = ?
                        where platform_id = ?""", ts(at), event.platformId());
    }

    @EventHandler
    void on(ReapplicationAccepted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        CountKey before = countKey(event.platformId());
        standing(event.platformId(), sequence);
        jdbc.update("update platform_summary set updated_at = ? where platform_id = ?", ts(at), event.platformId());
        moved(before, countKey(event.platformId()));
    }

    /** The row's status, level and open rectifications become the standing the registry decided at this event. */
    private void standing(String platformId, long sequence) {
        PlatformStanding standing = standings.after(platformId, sequence);
        jdbc.update("""
                        update platform_summary set status = ?, level = ?, open_rectifications = ?
                        where platform_id = ?""",
                standing.status().name(), standing.level() == null ? null : standing.level().name(),
                standing.openRectifications().size(), platformId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from platform_summary");
        jdbc.update("delete from platform_count");
    }

    /** Where a platform is counted on the dashboard ({@code platform_count}). */
    private record CountKey(String status, String level, String industry, String district) {
    }

    private CountKey countKey(String platformId) {
        return jdbc.queryForObject("""
                        select status, coalesce(level, '') as level, industry, district from platform_summary
                        where platform_id = ?""",
                (rs, row) -> new CountKey(rs.getString("status"), rs.getString("level"), rs.getString("industry"),
                        rs.getString("district")), platformId);
    }

    private void moved(CountKey before, CountKey after) {
        if (!before.equals(after)) {
            count(before, -1);
            count(after, 1);
        }
    }

    private void count(CountKey key, int change) {
        jdbc.update("""
                        insert into platform_count (status, level, industry, district, n) values (?, ?, ?, ?, ?)
                        on conflict (status, level, industry, district) do update set n = platform_count.n + excluded.n""",
                key.status(), key.level(), key.industry(), key.district(), change);
        jdbc.update("delete from platform_count where n = 0");
    }

    private void lastResult(String platformId, int year, String result, Instant at) {
        jdbc.update("""
                        update platform_summary set last_evaluated_year = ?, last_grade = ?, updated_at = ?
                        where platform_id = ? and (last_evaluated_year is null or last_evaluated_year <= ?)""",
                year, result, ts(at), platformId, year);
    }

    static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String json(List<String> hosts) {
        try {
            return JSON.writeValueAsString(hosts == null ? List.of() : hosts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
