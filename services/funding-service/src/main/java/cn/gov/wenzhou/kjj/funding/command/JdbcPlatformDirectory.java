package cn.gov.wenzhou.kjj.funding.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The platforms' credit codes in {@code platform_credit_code} (migration V19), on the command side: written in the
 * transaction of the command that records a platform's standing (the JDBC connection Axon's unit of work holds), so a
 * platform whose {@code PlatformStandingRecorded} is in the store is in here too, and a bid submitted afterwards names
 * it. The {@code platform_standing} view is not asked: it is filled by a tracking processor that can lag behind, and
 * the platform a bid records is never decided again (its priority, its award to the registry rest on it).
 */
@Component
public class JdbcPlatformDirectory implements PlatformDirectory, NotedPlatforms {

    private final JdbcTemplate jdbc;

    public JdbcPlatformDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void note(String platformId, String creditCode, Instant changedAt) {
        jdbc.update("""
                insert into platform_credit_code (platform_id, credit_code, changed_at) values (?, ?, ?)
                on conflict (platform_id) do update set credit_code = excluded.credit_code,
                    changed_at = excluded.changed_at""",
                platformId, creditCode, Timestamp.from(changedAt));
    }

    @Override
    public Optional<String> platformIdOf(String creditCode) {
        return jdbc.queryForList("""
                select platform_id from platform_credit_code where credit_code = ?
                order by changed_at desc, platform_id limit 1""", String.class, creditCode).stream().findFirst();
    }
}
