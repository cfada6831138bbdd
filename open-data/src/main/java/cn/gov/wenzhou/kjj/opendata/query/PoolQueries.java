package cn.gov.wenzhou.kjj.opendata.query;

import cn.gov.wenzhou.kjj.opendata.query.OpenViews.PoolYear;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static cn.gov.wenzhou.kjj.opendata.query.PlatformQueries.date;

/** The staffing pool by year, oldest first: a few dozen rows at most, so no paging. */
@Component
public class PoolQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public PoolQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PoolYear> years(Integer year) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = "";
        if (year != null) {
            where = " where year = :year";
            params.addValue("year", year);
        }
        return jdbc.query("select year, quota, quota_decided_on, admitted, exited from pool_year" + where
                + " order by year", params, (rs, n) -> new PoolYear(rs.getInt("year"), (Integer) rs.getObject("quota"),
                date(rs, "quota_decided_on"), rs.getInt("admitted"), rs.getInt("exited")));
    }
}
