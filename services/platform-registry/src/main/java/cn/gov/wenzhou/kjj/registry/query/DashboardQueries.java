package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.Industry;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.Level;
import cn.gov.wenzhou.kjj.registry.command.PlatformStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The city dashboard in three small queries, whatever the number of platforms or years: the counts per status, level,
 * industry and district ({@code platform_count}, a few hundred rows at most), one indexed count of recruits, and the
 * per-year city totals (a row per year).
 */
@Component
public class DashboardQueries {

    /** The statuses counted as recognized (under rectification included): {@link PlatformStatus#isRecognized}. */
    private static final Set<String> RECOGNIZED = Arrays.stream(PlatformStatus.values())
            .filter(PlatformStatus::isRecognized).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final JdbcTemplate jdbc;
    private final IndustryCodeTable industries;
    private final CityTargets targets;

    public DashboardQueries(JdbcTemplate jdbc, IndustryCodeTable industries, CityTargets targets) {
        this.jdbc = jdbc;
        this.industries = industries;
        this.targets = targets;
    }

    private record Group(String status, String level, String industry, String district, long count) {
    }

    public Dashboard dashboard(LocalDate today, int recruitmentYear) {
        List<Group> groups = jdbc.query("select status, level, industry, district, n from platform_count",
                (rs, row) -> new Group(rs.getString("status"), rs.getString("level").isEmpty() ? null
                        : rs.getString("level"), rs.getString("industry"), rs.getString("district"), rs.getLong("n")));
        Long recruited = jdbc.queryForObject("""
                        select count(*) from platform_summary
                        where first_recognized_on >= ? and first_recognized_on < ?""", Long.class,
                LocalDate.of(recruitmentYear, 1, 1), LocalDate.of(recruitmentYear + 1, 1, 1));
        List<Dashboard.YearTotals> years = jdbc.query("select * from city_year_totals order by year",
                (rs, row) -> new Dashboard.YearTotals(rs.getInt("year"),
                        IndicatorTotals.read(rs, rs.getLong("reports")), RecordedTotals.read(rs)));

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (PlatformStatus status : PlatformStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byLevel = levels();
        for (Group group : groups) {
            byStatus.merge(group.status, group.count, Math::addExact);
            if (RECOGNIZED.contains(group.status) && group.level != null) {
                byLevel.merge(group.level, group.count, Math::addExact);
            }
        }
        Dashboard.Coverage coverage = coverage(groups, today);
        long municipalOrAbove = byLevel.values().stream().reduce(0L, Math::addExact);
        long provincialOrAbove = Math.addExact(byLevel.get(Level.PROVINCIAL.name()), byLevel.get(Level.NATIONAL.name()));
        Integer recruitmentTarget = targets.recruitment().get(recruitmentYear);
        long recruits = recruited == null ? 0 : recruited;
        return new Dashboard(today, byStatus, byLevel, coverage, districts(groups),
                new Dashboard.Recruitment(recruitmentYear, recruits, recruitmentTarget,
                        recruitmentTarget == null ? null : recruits >= recruitmentTarget),
                years.stream().map(Dashboard.YearTotals::indicators).reduce(IndicatorTotals.ZERO, IndicatorTotals::plus),
                years,
                years.stream().map(Dashboard.YearTotals::recorded).reduce(RecordedTotals.ZERO, RecordedTotals::plus),
                new Dashboard.Targets(targets.version(), targets.deadlineYear(),
                        Dashboard.Progress.of(targets.municipalOrAbove(), municipalOrAbove),
                        Dashboard.Progress.of(targets.provincialOrAbove(), provincialOrAbove),
                        Dashboard.Progress.of(coverage.industries(), coverage.covered())));
    }

    private Dashboard.Coverage coverage(List<Group> groups, LocalDate today) {
        IndustryCodeTable.Version table = industries.inForceOn(today);
        List<Dashboard.IndustryCoverage> matrix = new ArrayList<>();
        for (Industry industry : table.industries()) {
            Map<String, Long> byLevel = levels();
            long applicants = 0;
            for (Group group : groups) {
                if (!group.industry.equals(industry.code())) {
                    continue;
                }
                if (RECOGNIZED.contains(group.status) && group.level != null) {
                    byLevel.merge(group.level, group.count, Math::addExact);
                } else if (!PlatformStatus.REVOKED.name().equals(group.status)) {
                    applicants = Math.addExact(applicants, group.count);
                }
            }
            long recognized = byLevel.values().stream().reduce(0L, Math::addExact);
            matrix.add(new Dashboard.IndustryCoverage(industry.code(), industry.name(), industry.group().name(),
                    recognized > 0, recognized, byLevel, applicants));
        }
        int covered = (int) matrix.stream().filter(Dashboard.IndustryCoverage::covered).count();
        return new Dashboard.Coverage(table.version(), covered, matrix.size(), matrix);
    }

    private static List<Dashboard.DistrictCount> districts(List<Group> groups) {
        List<Dashboard.DistrictCount> counts = new ArrayList<>();
        for (District district : District.values()) {
            long recognized = 0;
            long all = 0;
            for (Group group : groups) {
                if (group.district.equals(district.name())) {
                    all = Math.addExact(all, group.count);
                    if (RECOGNIZED.contains(group.status)) {
                        recognized = Math.addExact(recognized, group.count);
                    }
                }
            }
            counts.add(new Dashboard.DistrictCount(district.name(), district.chineseName(), recognized, all));
        }
        return counts;
    }

    private static Map<String, Long> levels() {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            byLevel.put(level.name(), 0L);
        }
        return byLevel;
    }
}
