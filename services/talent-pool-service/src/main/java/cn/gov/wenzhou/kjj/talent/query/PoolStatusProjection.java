package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostFreed;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostTaken;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Per year: the quota decided, and how many posts were taken and freed in it ({@code pool_year}). */
@Component
@ProcessingGroup(PoolStatusProjection.NAME)
public class PoolStatusProjection {

    public static final String NAME = "pool-status";
    public static final String TABLE = "pool_year";

    private final JdbcTemplate jdbc;

    public PoolStatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PoolQuotaSet event) {
        jdbc.update("""
                insert into pool_year (pool_year, quota_posts, quota_decided_on, quota_reason) values (?, ?, ?, ?)
                on conflict (pool_year) do update set quota_posts = excluded.quota_posts,
                    quota_decided_on = excluded.quota_decided_on, quota_reason = excluded.quota_reason""",
                event.year(), event.posts(), event.decidedOn(), event.reason());
    }

    @EventHandler
    void on(PostTaken event) {
        jdbc.update("""
                insert into pool_year (pool_year, admitted) values (?, 1)
                on conflict (pool_year) do update set admitted = pool_year.admitted + 1""", event.year());
    }

    @EventHandler
    void on(PostFreed event) {
        jdbc.update("""
                insert into pool_year (pool_year, exited) values (?, 1)
                on conflict (pool_year) do update set exited = pool_year.exited + 1""", event.year());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from pool_year");
    }
}
