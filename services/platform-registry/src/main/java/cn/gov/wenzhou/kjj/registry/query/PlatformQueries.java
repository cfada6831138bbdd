package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.Industry;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.PlatformStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The list and the detail, each a fixed number of indexed queries whatever the page or the platform's age. */
@Component
public class PlatformQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YEAR_COLUMNS = """
            , y.year as y_year, y.report_revision, y.report_submitted_on, y.joint_rd_centres, y.cooperation_agreements,
            y.provincial_projects, y.research_funding_fen, y.invention_patents, y.four_tech_income_fen, y.researchers,
            y.incubated_enterprises, y.results_transferred, y.local_enterprises_served, y.grade, y.score,
            y.parameter_version, y.evaluated_on, y.not_attended, y.attendance_justified, y.non_attendance_reason,
            y.rectification_issued_on, y.supervising_authority, y.rectification_confirmed_on, y.projects_won,
            y.projects_led, y.award_fen, y.funds_received_fen, y.funds_recovered_fen, y.projects_closed,
            y.pool_hires_joined, y.pool_hires_left""";

    private final JdbcTemplate jdbc;
    private final IndustryCodeTable industries;

    public PlatformQueries(JdbcTemplate jdbc, IndustryCodeTable industries) {
        this.jdbc = jdbc;
        this.industries = industries;
    }

    public PlatformPage list(PlatformFilter filter, int page, int size) {
        return list(filter, page, size, PlatformSort.NAME, false);
    }

    public PlatformPage list(PlatformFilter filter, int page, int size, PlatformSort sort, boolean descending) {
        List<Object> args = new ArrayList<>();
        StringBuilder from = new StringBuilder(" from platform_summary s");
        if (filter.year() != null) {
            from.append(" left join platform_year y on y.platform_id = s.platform_id and y.year = ?");
            args.add(filter.year());
        }
        from.append(" where true");
        if (filter.year() != null) {
            from.append(" and (y.platform_id is not null or s.first_recognized_on <= ?)");
            args.add(LocalDate.of(filter.year(), 12, 31));
            if (filter.grade() != null) {
                from.append(" and (y.grade = ? or (? = 'NOT_ATTENDED' and y.not_attended))");
                args.add(filter.grade());
                args.add(filter.grade());
            }
            if (filter.reported() != null) {
                from.append(filter.reported() ? " and y.report_revision > 0" : " and coalesce(y.report_revision, 0) = 0");
            }
        }
        equal(from, args, "s.industry", filter.industry());
        equal(from, args, "s.level", filter.level());
        equal(from, args, "s.status", filter.status());
        equal(from, args, "s.district", filter.district());
        equal(from, args, "s.credit_code", filter.creditCode());
        if (filter.recognizedYear() != null) {
            from.append(" and s.first_recognized_on >= ? and s.first_recognized_on < ?");
            args.add(LocalDate.of(filter.recognizedYear(), 1, 1));
            args.add(LocalDate.of(filter.recognizedYear() + 1, 1, 1));
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            from.append(" and s.name like ? escape '\\'");
            args.add("%" + filter.name().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Long total = jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<PlatformPage.Item> items = jdbc.query("select s.*" + (filter.year() != null ? YEAR_COLUMNS : "") + from
                        + sort.orderBy(descending) + " limit ? offset ?",
                (rs, row) -> new PlatformPage.Item(platform(rs),
                        filter.year() == null ? null : rs.getObject("y_year") == null
                                ? emptyYear(filter.year()) : year(rs)),
                pageArgs.toArray());
        return new PlatformPage(items, page, size, total == null ? 0 : total);
    }

    public Optional<PlatformView> platform(String platformId) {
        return jdbc.query("select * from platform_summary where platform_id = ?", (rs, row) -> platform(rs),
                platformId).stream().findFirst();
    }

    public Optional<PlatformView> byCreditCode(String creditCode) {
        return jdbc.query("select * from platform_summary where credit_code = ?", (rs, row) -> platform(rs),
                creditCode).stream().findFirst();
    }

    public Optional<PlatformDetail> detail(String platformId) {
        return platform(platformId).map(platform -> {
            List<PlatformYearView> years = jdbc.query("select y.year as y_year, y.* from platform_year y "
                    + "where platform_id = ? order by year", (rs, row) -> year(rs), platformId);
            IndicatorTotals reported = years.stream().filter(y -> y.report() != null)
                    .map(y -> y.report().indicators()).reduce(IndicatorTotals.ZERO, IndicatorTotals::plus);
            RecordedTotals recorded = years.stream().map(PlatformYearView::recorded)
                    .reduce(RecordedTotals.ZERO, RecordedTotals::plus);
            return new PlatformDetail(platform, years, reported, recorded);
        });
    }

    private static void equal(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private PlatformView platform(ResultSet rs) throws SQLException {
        String district = rs.getString("district");
        String industry = rs.getString("industry");
        String status = rs.getString("status");
        return new PlatformView(rs.getString("platform_id"), rs.getString("credit_code"), rs.getString("name"),
                district, districtName(district), industry,
                industries.describe(industry).map(Industry::name).orElse(industry),
                rs.getString("industry_table_version"), rs.getString("legal_form"), rs.getString("lead_model"),
                hosts(rs.getString("hosts")), status, PlatformStatus.valueOf(status).chineseName(),
                rs.getString("level"), date(rs, "registered_on"), date(rs, "first_recognized_on"),
                date(rs, "recognized_on"), rs.getString("document_number"), rs.getInt("open_rectifications"),
                date(rs, "revoked_on"), rs.getString("revocation_reason"), date(rs, "reapplication_opens_on"),
                rs.getInt("refused_reapplications"), (Integer) rs.getObject("last_evaluated_year"),
                rs.getString("last_grade"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static PlatformYearView year(ResultSet rs) throws SQLException {
        int year = rs.getInt("y_year");
        PlatformYearView.Report report = rs.getInt("report_revision") == 0 ? null : new PlatformYearView.Report(
                rs.getInt("report_revision"), date(rs, "report_submitted_on"), IndicatorTotals.read(rs, 1));
        PlatformYearView.Evaluation evaluation = null;
        if (rs.getBoolean("not_attended")) {
            evaluation = new PlatformYearView.Evaluation("NOT_ATTENDED", null, null, date(rs, "evaluated_on"),
                    rs.getBoolean("attendance_justified"), rs.getString("non_attendance_reason"));
        } else if (rs.getString("grade") != null) {
            evaluation = new PlatformYearView.Evaluation(rs.getString("grade"), rs.getBigDecimal("score"),
                    rs.getString("parameter_version"), date(rs, "evaluated_on"), null, null);
        }
        PlatformYearView.Rectification rectification = rs.getObject("rectification_issued_on") == null ? null
                : new PlatformYearView.Rectification(date(rs, "rectification_issued_on"),
                rs.getString("supervising_authority"), date(rs, "rectification_confirmed_on"));
        return new PlatformYearView(year, report, evaluation, rectification, RecordedTotals.read(rs));
    }

    static PlatformYearView emptyYear(int year) {
        return new PlatformYearView(year, null, null, null, RecordedTotals.ZERO);
    }

    private static String districtName(String code) {
        try {
            return District.valueOf(code).chineseName();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> hosts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
