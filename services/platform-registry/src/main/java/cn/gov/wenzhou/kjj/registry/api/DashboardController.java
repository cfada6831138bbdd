package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.query.Dashboard;
import cn.gov.wenzhou.kjj.registry.query.DashboardQueries;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "The city dashboard: how far Wenzhou is toward its platform targets")
public class DashboardController {

    private final DashboardQueries dashboards;
    private final Clock clock;

    public DashboardController(DashboardQueries dashboards, Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The city dashboard",
            description = "Counts by status and level; the 5+5 coverage matrix (industries with a recognized "
                    + "platform, by level); platforms by district; recruitment (first recognitions) in a year against "
                    + "its target; the city total of every indicator, all years and per year, money in fen and yuan; "
                    + "what funding and the talent pool recorded; progress toward the targets (by default 50 at "
                    + "municipal level or above and 10 provincial by 2025, full 5+5 coverage).")
    public Dashboard dashboard(@Parameter(description = "Year of the recruitment figure; default this year")
                               @RequestParam(required = false) Integer recruitmentYear) {
        LocalDate today = BusinessCalendar.today(clock);
        int year = recruitmentYear == null ? today.getYear() : recruitmentYear;
        if (year < Requests.MIN_YEAR || year > Requests.MAX_YEAR) {
            throw new InvalidInputException("recruitmentYear", "must be between " + Requests.MIN_YEAR + " and "
                    + Requests.MAX_YEAR);
        }
        return dashboards.dashboard(today, year);
    }
}
