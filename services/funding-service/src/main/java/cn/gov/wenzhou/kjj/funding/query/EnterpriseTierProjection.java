package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordEvents.EnterpriseTierRecorded;
import cn.gov.wenzhou.kjj.support.security.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The current tier of every enterprise the bureau recorded, with who recorded it, when and why. */
@Component
@ProcessingGroup(EnterpriseTierProjection.NAME)
public class EnterpriseTierProjection {

    public static final String NAME = "enterprise-tiers";

    private final JdbcTemplate jdbc;

    public EnterpriseTierProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnterpriseTierRecorded event, @Timestamp Instant at, @MetaDataValue(Actor.SUBJECT_KEY) String actor,
            @MetaDataValue(Actor.ROLE_KEY) String role) {
        jdbc.update("""
                        insert into enterprise_tier (credit_code, tier, reason, document_ref, recorded_on, recorded_by,
                            recorded_by_role, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (credit_code) do update set tier = excluded.tier, reason = excluded.reason,
                            document_ref = excluded.document_ref, recorded_on = excluded.recorded_on,
                            recorded_by = excluded.recorded_by, recorded_by_role = excluded.recorded_by_role,
                            recorded_at = excluded.recorded_at""",
                event.creditCode(), event.tier().name(), event.reason(), event.documentRef(), event.recordedOn(),
                actor, role, java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from enterprise_tier");
    }
}
