package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordEvaluation;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordNonAttendance;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SubmitAnnualReport;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.SOME;
import static cn.gov.wenzhou.kjj.registry.command.Given.THRESHOLDS;
import static cn.gov.wenzhou.kjj.registry.command.Given.evaluated;
import static cn.gov.wenzhou.kjj.registry.command.Given.invalid;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;
import static cn.gov.wenzhou.kjj.registry.command.Given.reported;
import static cn.gov.wenzhou.kjj.registry.command.Given.revoked;
import static cn.gov.wenzhou.kjj.registry.command.Given.violates;

class AnnualEvaluationTest {

    private static final LocalDate ON = LocalDate.of(2024, 5, 20);

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
    }

    @Test
    void annualReportIsRecordedAsTheYearsFirstRevision() {
        fixture.given(registered(), recognized())
                .when(new SubmitAnnualReport(ID, 2023, SOME, ON))
                .expectEvents(new AnnualReportSubmitted(ID, CODE, 2023, SOME, 1, ON));
    }

    @Test
    void resubmittedReportBeforeTheEvaluationIsTheNextRevision() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new SubmitAnnualReport(ID, 2023, Indicators.NONE, ON))
                .expectEvents(new AnnualReportSubmitted(ID, CODE, 2023, Indicators.NONE, 2, ON));
    }

    @Test
    void reportOfAnEvaluatedYearCanNoLongerChange() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.GOOD, "85.00"))
                .when(new SubmitAnnualReport(ID, 2023, SOME, ON))
                .expectException(violates("report.year-closed"))
                .expectNoEvents();
    }

    @Test
    void reportOfAPlatformNotYetRecognizedIsRefused() {
        fixture.given(registered())
                .when(new SubmitAnnualReport(ID, 2023, SOME, ON))
                .expectException(violates("report.requires-recognition"))
                .expectNoEvents();
    }

    @Test
    void reportForAFutureYearIsInvalid() {
        fixture.given(registered(), recognized())
                .when(new SubmitAnnualReport(ID, 2025, SOME, ON))
                .expectException(invalid("year"))
                .expectNoEvents();
    }

    @Test
    void evaluationDerivesTheGradeFromTheScoreAndRecordsTheParameterVersion() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new RecordEvaluation(ID, 2023, new BigDecimal("86.50"), null, THRESHOLDS, ON))
                .expectResultMessagePayload(Grade.GOOD)
                .expectEvents(new PlatformEvaluated(ID, CODE, 2023, Grade.GOOD, new BigDecimal("86.50"), "2023.1", ON));
    }

    @Test
    void scoreExactlyOnAThresholdEarnsThatGrade() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new RecordEvaluation(ID, 2023, new BigDecimal("60.00"), Grade.PASS, THRESHOLDS, ON))
                .expectEvents(new PlatformEvaluated(ID, CODE, 2023, Grade.PASS, new BigDecimal("60.00"), "2023.1", ON));
    }

    @Test
    void gradeThatDisagreesWithTheScoreIsInvalid() {
        fixture.given(registered(), recognized(), reported(2023))
                .when(new RecordEvaluation(ID, 2023, new BigDecimal("92.00"), Grade.GOOD, THRESHOLDS, ON))
                .expectException(invalid("grade"))
                .expectNoEvents();
    }

    @Test
    void secondEvaluationOfTheSameYearIsRefused() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.GOOD, "85.00"))
                .when(new RecordEvaluation(ID, 2023, new BigDecimal("95.00"), null, THRESHOLDS, ON))
                .expectException(violates("evaluation.once-per-year"))
                .expectNoEvents();
    }

    @Test
    void nonAttendanceOfAnEvaluatedYearIsRefused() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.GOOD, "85.00"))
                .when(new RecordNonAttendance(ID, 2023, false, null, ON))
                .expectException(violates("evaluation.once-per-year"))
                .expectNoEvents();
    }

    @Test
    void evaluationWithoutTheYearsReportIsRefused() {
        fixture.given(registered(), recognized())
                .when(new RecordEvaluation(ID, 2023, new BigDecimal("70.00"), null, THRESHOLDS, ON))
                .expectException(violates("evaluation.report-required"))
                .expectNoEvents();
    }

    @Test
    void evaluationOfAFutureYearIsInvalid() {
        fixture.given(registered(), recognized())
                .when(new RecordEvaluation(ID, 2025, new BigDecimal("70.00"), null, THRESHOLDS, ON))
                .expectException(invalid("year"))
                .expectNoEvents();
    }

    @Test
    void evaluationOfAYearBeforeTheRecognitionIsInvalid() {
        fixture.given(registered(), recognized())
                .when(new RecordEvaluation(ID, 2021, new BigDecimal("70.00"), null, THRESHOLDS, ON))
                .expectException(invalid("year"))
                .expectNoEvents();
    }

    @Test
    void evaluationOfAYearNoParameterVersionCoversIsRefused() {
        fixture.given(registered(), recognized(), reported(2022))
                .when(new RecordEvaluation(ID, 2022, new BigDecimal("70.00"), null, null, ON))
                .expectException(violates("evaluation.no-parameters-for-year"))
                .expectNoEvents();
    }

    @Test
    void evaluationAfterRevocationIsRefused() {
        fixture.given(registered(), recognized(), revoked(LocalDate.of(2024, 1, 5)))
                .when(new RecordEvaluation(ID, 2024, new BigDecimal("70.00"), null, THRESHOLDS, ON))
                .expectException(violates("evaluation.requires-recognition"))
                .expectNoEvents();
    }

    @Test
    void justifiedNonAttendanceIsRecordedWithItsReason() {
        fixture.given(registered(), recognized())
                .when(new RecordNonAttendance(ID, 2023, true, " 负责人变更，经同意缓评 ", ON))
                .expectEvents(new EvaluationNotAttended(ID, CODE, 2023, true, "负责人变更，经同意缓评", ON));
    }

    @Test
    void justifiedNonAttendanceWithoutAReasonIsInvalid() {
        fixture.given(registered(), recognized())
                .when(new RecordNonAttendance(ID, 2023, true, " ", ON))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }

    @Test
    void nonAttendanceWithoutJustificationIsRecordedAsSuch() {
        fixture.given(registered(), recognized())
                .when(new RecordNonAttendance(ID, 2023, false, null, ON))
                .expectEvents(new EvaluationNotAttended(ID, CODE, 2023, false, null, ON));
    }

    @Test
    void reportWithAnIndicatorAboveItsBoundIsRefusedNamingIt() {
        Indicators huge = new Indicators(3, 4, 5, 150_000_000L, Long.MAX_VALUE, 390_000_000L, 18, 7, 9, 40);
        fixture.given(registered(), recognized())
                .when(new SubmitAnnualReport(ID, 2023, huge, ON))
                .expectException(invalid("indicators.inventionPatents"))
                .expectNoEvents();
    }

    @Test
    void reportWithMoneyAboveTenBillionYuanIsRefusedNamingIt() {
        Indicators huge = new Indicators(3, 4, 5, 1_000_000_000_001L, 6, 390_000_000L, 18, 7, 9, 40);
        fixture.given(registered(), recognized())
                .when(new SubmitAnnualReport(ID, 2023, huge, ON))
                .expectException(invalid("indicators.researchFundingFen"))
                .expectNoEvents();
    }

    @Test
    void reportAtEveryBoundIsRecorded() {
        long count = Indicators.MAX_COUNT;
        long fen = cn.gov.wenzhou.kjj.support.domain.Bounds.MAX_FEN;
        Indicators atBounds = new Indicators(count, count, count, fen, count, fen, count, count, count, count);
        fixture.given(registered(), recognized())
                .when(new SubmitAnnualReport(ID, 2023, atBounds, ON))
                .expectEvents(new AnnualReportSubmitted(ID, CODE, 2023, atBounds, 1, ON));
    }
}
