package cn.gov.wenzhou.kjj.support.platforms;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The platforms' credit codes in a consuming service's {@code platform_credit_code} table (each service's own
 * migration creates it and fills it from its events), on the command side: written in the transaction of the command
 * that notes a platform (the JDBC connection Axon's unit of work holds), so a platform whose event is in the store is
 * in here too, and a decision taken afterwards names it. A view of the same facts is not asked: it is filled by a
 * tracking processor that can lag behind (busy, backing off after a database outage, rebuilding), and what such a
 * decision records is never decided again.
 */
public class JdbcPlatformDirectory implements PlatformDirectory, NotedPlatforms {

    private final JdbcTemplate jdbc;

    public JdbcPlatformDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void note(String platformId, String creditCode, Instant notedAt) {
        jdbc.update("""
                insert into platform_credit_code (platform_id, credit_code, noted_at) values (?, ?, ?)
                on conflict (platform_id) do update set credit_code = excluded.credit_code""",
                platformId, creditCode, Timestamp.from(notedAt));
    }

    @Override
    public Optional<String> platformIdOf(String creditCode) {
        return jdbc.queryForList("""
                select platform_id from platform_credit_code where credit_code = ?
                order by noted_at desc, platform_id limit 1""", String.class, creditCode).stream().findFirst();
    }
}
