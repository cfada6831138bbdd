package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.sql.ResultSet;
import java.sql.SQLException;

@Schema(description = "Facts recorded from funding-service (projects, money) and talent-pool-service (pool hires), "
        + "beside the self-reported indicators: evaluators compare the two")
public record RecordedTotals(
        @Schema(description = "Funded projects won, as lead or as partner of a joint bid") long projectsWon,
        @Schema(description = "Of which led (the platform is the recipient)") long projectsLed,
        @Schema(description = "Special-fund awards of the projects led") Money awarded,
        @Schema(description = "Tranches received") Money fundsReceived,
        @Schema(description = "Funds recovered (追回)") Money fundsRecovered,
        @Schema(description = "Received minus recovered") Money netFundsReceived,
        @Schema(description = "Projects closed") long projectsClosed,
        @Schema(description = "Hires who joined the staffing pool") long poolHiresJoined,
        @Schema(description = "Hires who left it") long poolHiresLeft,
        @Schema(description = "Joined minus left: researchers the pool holds for the platform(s)") long poolHiresCurrent) {

    static final RecordedTotals ZERO = of(0, 0, 0, 0, 0, 0, 0, 0);

    static RecordedTotals of(long won, long led, long awardFen, long receivedFen, long recoveredFen, long closed,
                             long joined, long left) {
        return new RecordedTotals(won, led, Money.ofFen(awardFen), Money.ofFen(receivedFen),
                Money.ofFen(recoveredFen), Money.ofFen(Math.subtractExact(receivedFen, recoveredFen)), closed, joined,
                left, Math.subtractExact(joined, left));
    }

    static RecordedTotals read(ResultSet rs) throws SQLException {
        return of(rs.getLong("projects_won"), rs.getLong("projects_led"), rs.getLong("award_fen"),
                rs.getLong("funds_received_fen"), rs.getLong("funds_recovered_fen"), rs.getLong("projects_closed"),
                rs.getLong("pool_hires_joined"), rs.getLong("pool_hires_left"));
    }

    /** Exact: a total that would leave a {@code long} fails instead of wrapping. */
    RecordedTotals plus(RecordedTotals o) {
        return of(Math.addExact(projectsWon, o.projectsWon), Math.addExact(projectsLed, o.projectsLed),
                Math.addExact(awarded.fen(), o.awarded.fen()), Math.addExact(fundsReceived.fen(), o.fundsReceived.fen()),
                Math.addExact(fundsRecovered.fen(), o.fundsRecovered.fen()),
                Math.addExact(projectsClosed, o.projectsClosed), Math.addExact(poolHiresJoined, o.poolHiresJoined),
                Math.addExact(poolHiresLeft, o.poolHiresLeft));
    }
}
