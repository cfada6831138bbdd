package cn.gov.wenzhou.kjj.opendata.query;

import cn.gov.wenzhou.kjj.opendata.OrgIds;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.District;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.GradeOfYear;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Platform;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognized platforms: every platform the registry has ever recognized, revoked ones included (shown as revoked).
 * A platform that only applied is not published here. Ordered by credit code.
 */
@Component
public class PlatformQueries {

    private static final String COLUMNS = """
            p.platform_id, p.credit_code, p.name, p.district_code, p.district_label, p.industry_code, p.status,
            p.level, p.registered_on, p.first_recognized_on, p.recognized_on, p.revoked_on, p.reapplication_opens_on""";

    private final NamedParameterJdbcTemplate jdbc;

    public PlatformQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param year     recognized at some time during that year
     * @param district a district code (LUCHENG) or name (鹿城区)
     */
    public record Filter(Integer year, String district, String industry, String level, String status) {
    }

    public Slice<Platform> page(Filter filter, Slice.Keyset after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        long total = jdbc.queryForObject("select count(*) from platform p where " + where, params, Long.class);
        String page = where;
        if (after != null) {
            page += " and (p.credit_code, p.platform_id) > (:afterCode, :afterId)";
            params.addValue("afterCode", after.first()).addValue("afterId", after.second());
        }
        params.addValue("limit", limit + 1);
        List<Platform> rows = jdbc.query("select " + COLUMNS + " from platform p where " + page
                + " order by p.credit_code, p.platform_id limit :limit", params, (rs, n) -> platform(rs, List.of()));
        boolean more = rows.size() > limit;
        List<Platform> items = withGrades(more ? rows.subList(0, limit) : rows);
        Platform last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Slice<>(items, total, more ? new Slice.Keyset(last.creditCode(), last.platformId()) : null);
    }

    public Optional<Platform> one(String platformId) {
        List<Platform> rows = jdbc.query("select " + COLUMNS + " from platform p where " + PUBLIC
                        + " and p.platform_id = :id", new MapSqlParameterSource("id", platformId),
                (rs, n) -> platform(rs, List.of()));
        return withGrades(rows).stream().findFirst();
    }

    static final String PUBLIC = "p.ever_recognized and p.name is not null";

    private static String where(Filter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(PUBLIC);
        if (filter.year() != null) {
            where.append(" and exists (select 1 from recognition_period r where r.platform_id = p.platform_id"
                    + " and r.started_on <= :yearEnd and (r.ended_on is null or r.ended_on >= :yearStart))");
            params.addValue("yearStart", LocalDate.of(filter.year(), 1, 1))
                    .addValue("yearEnd", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.district() != null) {
            where.append(" and (p.district_code = :district or p.district_label = :district)");
            params.addValue("district", filter.district());
        }
        if (filter.industry() != null) {
            where.append(" and p.industry_code = :industry");
            params.addValue("industry", filter.industry());
        }
        if (filter.level() != null) {
            where.append(" and p.level = :level");
            params.addValue("level", filter.level());
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.addValue("status", filter.status());
        }
        return where.toString();
    }

    private List<Platform> withGrades(List<Platform> platforms) {
        if (platforms.isEmpty()) {
            return platforms;
        }
        Map<String, List<GradeOfYear>> grades = new HashMap<>();
        jdbc.query("select platform_id, year, grade from platform_grade where platform_id in (:ids) order by year",
                new MapSqlParameterSource("ids", platforms.stream().map(Platform::platformId).toList()),
                rs -> {
                    grades.computeIfAbsent(rs.getString("platform_id"), id -> new ArrayList<>())
                            .add(new GradeOfYear(rs.getInt("year"), rs.getString("grade")));
                });
        return platforms.stream().map(p -> new Platform(p.platformId(), p.creditCode(), p.orgId(), p.name(),
                p.district(), p.industry(), p.status(), p.level(), p.registeredOn(), p.firstRecognizedOn(),
                p.recognizedOn(), p.revokedOn(), p.reapplicationOpensOn(),
                List.copyOf(grades.getOrDefault(p.platformId(), List.of())))).toList();
    }

    private static Platform platform(ResultSet rs, List<GradeOfYear> grades) throws SQLException {
        String creditCode = rs.getString("credit_code");
        return new Platform(rs.getString("platform_id"), creditCode, OrgIds.ofCreditCode(creditCode),
                rs.getString("name"), new District(rs.getString("district_code"), rs.getString("district_label")),
                rs.getString("industry_code"), rs.getString("status"), rs.getString("level"),
                date(rs, "registered_on"), date(rs, "first_recognized_on"), date(rs, "recognized_on"),
                date(rs, "revoked_on"), date(rs, "reapplication_opens_on"), grades);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
