package cn.gov.wenzhou.kjj.opendata.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Platforms from the registry's published events. Identity (name, district, industry) and lifecycle (status, level,
 * dates, grades) touch different columns: registrations may come on registry.platform.v2 after a v1 lifecycle event
 * of the same platform (no order across topics), so every write is an upsert that leaves the other part alone.
 */
@Component
public class PlatformProjection {

    private final JdbcTemplate jdbc;
    private final Datasets datasets;

    public PlatformProjection(JdbcTemplate jdbc, Datasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    /** v1 and v2 carry the same registration (same ce_id); v1 has no district label and keeps v2's. */
    public void registered(String platformId, String creditCode, String name, String districtCode,
                           String districtLabel, String industryCode, LocalDate registeredOn, Instant at) {
        jdbc.update("""
                        insert into platform (platform_id, credit_code, name, district_code, district_label,
                            industry_code, registered_on) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (platform_id) do update set credit_code = excluded.credit_code,
                            name = excluded.name, district_code = excluded.district_code,
                            district_label = coalesce(excluded.district_label, platform.district_label),
                            industry_code = excluded.industry_code, registered_on = excluded.registered_on""",
                platformId, creditCode, name, districtCode, districtLabel, industryCode, registeredOn);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void recognized(String platformId, String creditCode, String level, LocalDate on, Instant at) {
        known(platformId, creditCode);
        jdbc.update("""
                        update platform set status = 'RECOGNIZED', level = ?, recognized_on = ?,
                            first_recognized_on = coalesce(first_recognized_on, ?), ever_recognized = true,
                            open_rectifications = 0
                        where platform_id = ?""", level, on, on, platformId);
        jdbc.update("""
                        insert into recognition_period (platform_id, started_on) values (?, ?)
                        on conflict (platform_id, started_on) do nothing""", platformId, on);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void upgraded(String platformId, String creditCode, String toLevel, Instant at) {
        known(platformId, creditCode);
        jdbc.update("update platform set level = ? where platform_id = ?", toLevel, platformId);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void evaluated(String platformId, String creditCode, int year, String grade, LocalDate on, Instant at) {
        known(platformId, creditCode);
        jdbc.update("""
                        insert into platform_grade (platform_id, year, grade, decided_on) values (?, ?, ?, ?)
                        on conflict (platform_id, year) do update set grade = excluded.grade,
                            decided_on = excluded.decided_on""", platformId, year, grade, on);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void rectificationIssued(String platformId, String creditCode, Instant at) {
        known(platformId, creditCode);
        jdbc.update("""
                        update platform set open_rectifications = open_rectifications + 1,
                            status = case when status = 'RECOGNIZED' then 'UNDER_RECTIFICATION' else status end
                        where platform_id = ?""", platformId);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void rectificationConfirmed(String platformId, String creditCode, Instant at) {
        known(platformId, creditCode);
        jdbc.update("""
                        update platform set open_rectifications = greatest(open_rectifications - 1, 0),
                            status = case when status = 'UNDER_RECTIFICATION' and open_rectifications <= 1
                                          then 'RECOGNIZED' else status end
                        where platform_id = ?""", platformId);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void revoked(String platformId, String creditCode, LocalDate on, LocalDate reapplicationOpensOn,
                        Instant at) {
        known(platformId, creditCode);
        jdbc.update("""
                        update platform set status = 'REVOKED', level = null, open_rectifications = 0,
                            revoked_on = ?, reapplication_opens_on = ?
                        where platform_id = ?""", on, reapplicationOpensOn, platformId);
        jdbc.update("update recognition_period set ended_on = ? where platform_id = ? and ended_on is null",
                on, platformId);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    public void reapplied(String platformId, String creditCode, Instant at) {
        known(platformId, creditCode);
        jdbc.update("update platform set status = 'REAPPLIED' where platform_id = ?", platformId);
        datasets.changed(Dataset.PLATFORMS, at);
    }

    /** A lifecycle event may be the first this read model hears of a platform: its row starts with the credit code. */
    private void known(String platformId, String creditCode) {
        jdbc.update("""
                insert into platform (platform_id, credit_code) values (?, ?)
                on conflict (platform_id) do nothing""", platformId, creditCode);
    }
}
