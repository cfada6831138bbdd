package cn.gov.wenzhou.kjj.talent.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The platforms' credit codes in {@code platform_credit_code}, on the command side: written in the transaction of the
 * command that notes a platform's status (the JDBC connection Axon's unit of work holds), so a platform whose
 * {@code PlatformStatusNoted} is in the store is in here too, and an admission decided afterwards names it. The
 * {@code employer_platform} view is not asked: it is filled by a tracking processor that can lag behind, and what an
 * admission records is never decided again.
 */
@Component
public class JdbcPlatformDirectory implements PlatformDirectory, NotedPlatforms {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcPlatformDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void note(String platformId, String creditCode) {
        jdbc.update("""
                insert into platform_credit_code (platform_id, credit_code, noted_at) values (?, ?, ?)
                on conflict (platform_id) do update set credit_code = excluded.credit_code""",
                platformId, creditCode, Timestamp.from(clock.instant()));
    }

    @Override
    public Optional<String> platformIdOf(String creditCode) {
        return jdbc.queryForList("""
                select platform_id from platform_credit_code where credit_code = ?
                order by noted_at desc, platform_id limit 1""", String.class, creditCode).stream().findFirst();
    }
}
