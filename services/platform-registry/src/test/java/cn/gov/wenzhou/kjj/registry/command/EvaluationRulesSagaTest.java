package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.IssueRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RevokeRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.evaluated;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.revoked;

class EvaluationRulesSagaTest {

    private SagaTestFixture<EvaluationRulesSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EvaluationRulesSaga.class);
    }

    @Test
    void recognitionStartsWatchingThePlatformsEvaluations() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(recognized())
                .expectActiveSagas(1)
                .expectAssociationWith("platformId", ID)
                .expectNoDispatchedCommands();
    }

    @Test
    void failIssuesARectificationNotice() {
        fixture.givenAggregate(ID).published(recognized())
                .whenAggregate(ID).publishes(evaluated(2023, Grade.FAIL, "55.00"))
                .expectDispatchedCommands(new IssueRectification(ID, 2023, LocalDate.of(2024, 5, 20)));
    }

    @Test
    void passingGradesChangeNothing() {
        fixture.givenAggregate(ID).published(recognized(), evaluated(2022, Grade.FAIL, "55.00"))
                .whenAggregate(ID).publishes(evaluated(2023, Grade.PASS, "61.00"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void secondConsecutiveFailRevokesRecognition() {
        fixture.givenAggregate(ID).published(recognized(), evaluated(2023, Grade.FAIL, "55.00"))
                .whenAggregate(ID).publishes(evaluated(2024, Grade.FAIL, "48.00"))
                .expectDispatchedCommands(new RevokeRecognition(ID, RevocationReason.FAILED_TWO_CONSECUTIVE_YEARS,
                        2024, LocalDate.of(2025, 5, 20)));
    }

    @Test
    void failOfThePreviousYearRecordedAfterAFailAlsoRevokes() {
        fixture.givenAggregate(ID).published(recognized(), evaluated(2024, Grade.FAIL, "48.00"))
                .whenAggregate(ID).publishes(evaluated(2023, Grade.FAIL, "55.00"))
                .expectDispatchedCommands(new RevokeRecognition(ID, RevocationReason.FAILED_TWO_CONSECUTIVE_YEARS,
                        2023, LocalDate.of(2024, 5, 20)));
    }

    @Test
    void failsTwoYearsApartAreNotConsecutive() {
        fixture.givenAggregate(ID).published(recognized(), evaluated(2022, Grade.FAIL, "55.00"),
                        evaluated(2023, Grade.GOOD, "85.00"))
                .whenAggregate(ID).publishes(evaluated(2024, Grade.FAIL, "50.00"))
                .expectDispatchedCommands(new IssueRectification(ID, 2024, LocalDate.of(2025, 5, 20)));
    }

    @Test
    void nonAttendanceWithoutJustificationRevokesRecognition() {
        LocalDate recordedOn = LocalDate.of(2025, 5, 20);
        fixture.givenAggregate(ID).published(recognized())
                .whenAggregate(ID).publishes(new EvaluationNotAttended(ID, CODE, 2024, false, null, recordedOn))
                .expectDispatchedCommands(new RevokeRecognition(ID,
                        RevocationReason.NOT_ATTENDED_WITHOUT_JUSTIFICATION, 2024, recordedOn));
    }

    @Test
    void justifiedNonAttendanceChangesNothing() {
        fixture.givenAggregate(ID).published(recognized())
                .whenAggregate(ID).publishes(new EvaluationNotAttended(ID, CODE, 2024, true, "缓评",
                        LocalDate.of(2025, 5, 20)))
                .expectNoDispatchedCommands();
    }

    @Test
    void revocationEndsTheSaga() {
        fixture.givenAggregate(ID).published(recognized())
                .whenAggregate(ID).publishes(revoked(LocalDate.of(2025, 5, 20)))
                .expectActiveSagas(0);
    }

    @Test
    void afterRerecognitionFailuresBeforeTheRevocationNoLongerCount() {
        fixture.givenAggregate(ID).published(recognized(), evaluated(2023, Grade.FAIL, "55.00"),
                        revoked(LocalDate.of(2024, 6, 1)),
                        new PlatformReRecognized(ID, CODE, Level.MUNICIPAL, "温科发〔2026〕1号", LocalDate.of(2026, 7, 1)))
                .whenAggregate(ID).publishes(evaluated(2026, Grade.FAIL, "50.00"))
                .expectDispatchedCommands(new IssueRectification(ID, 2026, LocalDate.of(2027, 5, 20)));
    }
}
