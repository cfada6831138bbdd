package cn.gov.wenzhou.kjj.talent.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code pool_year}: posts held carry over from year to year, so "taken" is a running total. */
@Component
public class PoolStatusQueries {

    private final JdbcTemplate jdbc;

    public PoolStatusQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PoolYearStatus> byYear() {
        List<PoolYearStatus> years = new ArrayList<>();
        int[] held = {0};
        jdbc.query("select pool_year, quota_posts, quota_decided_on, quota_reason, admitted, exited from pool_year"
                + " order by pool_year", rs -> {
            Integer quota = (Integer) rs.getObject("quota_posts");
            int admitted = rs.getInt("admitted");
            int exited = rs.getInt("exited");
            held[0] += admitted - exited;
            Date decidedOn = rs.getDate("quota_decided_on");
            years.add(new PoolYearStatus(rs.getInt("pool_year"), quota,
                    decidedOn == null ? null : decidedOn.toLocalDate(), rs.getString("quota_reason"), admitted,
                    exited, held[0], quota == null ? null : Math.max(0, quota - held[0]),
                    quota == null ? 0 : Math.max(0, held[0] - quota)));
        });
        return years;
    }

    public Optional<PoolYearStatus> year(int year) {
        return byYear().stream().filter(status -> status.year() == year).findFirst();
    }
}
