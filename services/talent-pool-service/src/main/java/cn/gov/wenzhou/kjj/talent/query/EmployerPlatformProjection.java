package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.talent.command.RegistryPlatformEvents.PlatformStatusNoted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which employers are registry platforms ({@code employer_platform}), from the talent service's own events: for reading
 * only. An admission does not ask this view (it can lag behind its events); it asks the command side,
 * {@link cn.gov.wenzhou.kjj.support.platforms.JdbcPlatformDirectory}.
 */
@Component
@ProcessingGroup(EmployerPlatformProjection.NAME)
public class EmployerPlatformProjection {

    public static final String NAME = "employer-platforms";
    public static final String TABLE = "employer_platform";

    private final JdbcTemplate jdbc;

    public EmployerPlatformProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlatformStatusNoted event, @Timestamp Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        jdbc.update("""
                insert into employer_platform (platform_id, credit_code, name, status, level, registered_at,
                                               last_event_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (platform_id) do update set credit_code = excluded.credit_code, name = excluded.name,
                    status = excluded.status, level = excluded.level, last_event_at = excluded.last_event_at""",
                event.platformId(), event.creditCode(), event.name(), event.status().name(), event.level(), time,
                time);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from employer_platform");
    }

    /** The registry platform an employer is, if any: the most recently registered one with its credit code. */
    public Optional<EmployerPlatform> platformOf(String creditCode) {
        return jdbc.query("""
                        select platform_id, credit_code, name, status, level from employer_platform
                        where credit_code = ? order by registered_at desc, platform_id limit 1""",
                (rs, row) -> new EmployerPlatform(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), creditCode).stream().findFirst();
    }

    public record EmployerPlatform(String platformId, String creditCode, String name, String status, String level) {
    }
}
