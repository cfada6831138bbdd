package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ConfirmRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.IssueRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ReapplyForRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RevokeRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationRefused;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.evaluated;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.rectificationIssued;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;
import static cn.gov.wenzhou.kjj.registry.command.Given.reported;
import static cn.gov.wenzhou.kjj.registry.command.Given.revoked;
import static cn.gov.wenzhou.kjj.registry.command.Given.violates;

class RectificationAndRevocationTest {

    private static final LocalDate REVOKED_ON = LocalDate.of(2025, 5, 20);

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
        fixture.registerInjectableResource(Given.OBLIGATIONS);
    }

    @Test
    void rectificationNoticeNamesTheDistrictsSupervisingAuthority() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.FAIL, "55.00"))
                .when(new IssueRectification(ID, 2023, LocalDate.of(2024, 5, 20)))
                .expectEvents(new RectificationIssued(ID, CODE, 2023, District.LUCHENG.supervisingAuthority(),
                        LocalDate.of(2024, 5, 20), LocalDate.of(2024, 8, 18), "test.1"));
    }

    @Test
    void aRectificationNoticeIsIssuedOncePerYear() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.FAIL, "55.00"),
                        rectificationIssued(2023))
                .when(new IssueRectification(ID, 2023, LocalDate.of(2024, 5, 21)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirmingAnOpenRectificationRecordsIt() {
        fixture.given(registered(), recognized(), rectificationIssued(2023))
                .when(new ConfirmRectification(ID, 2023, LocalDate.of(2024, 9, 30)))
                .expectEvents(new RectificationConfirmed(ID, CODE, 2023, LocalDate.of(2024, 9, 30)));
    }

    @Test
    void aRectificationNoticePutsTheRecognizedPlatformUnderRectification() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.FAIL, "55.00"))
                .when(new IssueRectification(ID, 2023, LocalDate.of(2024, 5, 20)))
                .expectState(platform -> {
                    assertThat(platform.standing().status()).isEqualTo(PlatformStatus.UNDER_RECTIFICATION);
                    assertThat(platform.standing().level()).isEqualTo(Level.MUNICIPAL);
                    assertThat(platform.standing().openRectifications()).containsExactly(2023);
                });
    }

    @Test
    void confirmingTheLastOpenRectificationMakesThePlatformRecognizedAgain() {
        fixture.given(registered(), recognized(), rectificationIssued(2023), rectificationIssued(2024),
                        new RectificationConfirmed(ID, CODE, 2023, LocalDate.of(2024, 9, 30)))
                .when(new ConfirmRectification(ID, 2024, LocalDate.of(2025, 9, 30)))
                .expectEvents(new RectificationConfirmed(ID, CODE, 2024, LocalDate.of(2025, 9, 30)))
                .expectState(platform -> {
                    assertThat(platform.standing().status()).isEqualTo(PlatformStatus.RECOGNIZED);
                    assertThat(platform.standing().openRectifications()).isEmpty();
                });
    }

    @Test
    void confirmingOneOfTwoOpenRectificationsLeavesThePlatformUnderRectification() {
        fixture.given(registered(), recognized(), rectificationIssued(2023), rectificationIssued(2024))
                .when(new ConfirmRectification(ID, 2023, LocalDate.of(2024, 9, 30)))
                .expectState(platform -> {
                    assertThat(platform.standing().status()).isEqualTo(PlatformStatus.UNDER_RECTIFICATION);
                    assertThat(platform.standing().openRectifications()).containsExactly(2024);
                });
    }

    /** Under rectification the platform is still recognized: its next year is evaluated and can fail again. */
    @Test
    void aPlatformUnderRectificationIsStillEvaluatedAndIssuedTheNextNotice() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.FAIL, "55.00"),
                        rectificationIssued(2023), reported(2024), evaluated(2024, Grade.FAIL, "50.00"))
                .when(new IssueRectification(ID, 2024, LocalDate.of(2025, 5, 20)))
                .expectEvents(new RectificationIssued(ID, CODE, 2024, District.LUCHENG.supervisingAuthority(),
                        LocalDate.of(2025, 5, 20), LocalDate.of(2025, 8, 18), "test.1"))
                .expectState(platform -> assertThat(platform.standing().openRectifications())
                        .containsExactly(2023, 2024));
    }

    @Test
    void revocationEndsTheRectificationAndTheLevel() {
        fixture.given(registered(), recognized(), rectificationIssued(2023))
                .when(new RevokeRecognition(ID, RevocationReason.FAILED_TWO_CONSECUTIVE_YEARS, 2024, REVOKED_ON))
                .expectState(platform -> {
                    assertThat(platform.standing().status()).isEqualTo(PlatformStatus.REVOKED);
                    assertThat(platform.standing().level()).isNull();
                    assertThat(platform.standing().openRectifications()).isEmpty();
                });
    }

    @Test
    void confirmingARectificationThatIsNotOpenIsRefused() {
        fixture.given(registered(), recognized(), rectificationIssued(2023),
                        new RectificationConfirmed(ID, CODE, 2023, LocalDate.of(2024, 9, 30)))
                .when(new ConfirmRectification(ID, 2023, LocalDate.of(2024, 10, 1)))
                .expectException(violates("rectification.not-open"))
                .expectNoEvents();
    }

    @Test
    void revocationBarsReapplicationForTwoYears() {
        fixture.given(registered(), recognized())
                .when(new RevokeRecognition(ID, RevocationReason.NOT_ATTENDED_WITHOUT_JUSTIFICATION, 2024, REVOKED_ON))
                .expectEvents(new RecognitionRevoked(ID, CODE, RevocationReason.NOT_ATTENDED_WITHOUT_JUSTIFICATION,
                        2024, REVOKED_ON, LocalDate.of(2027, 5, 20)));
    }

    @Test
    void revokingAnAlreadyRevokedPlatformChangesNothing() {
        fixture.given(registered(), recognized(), revoked(REVOKED_ON))
                .when(new RevokeRecognition(ID, RevocationReason.FAILED_TWO_CONSECUTIVE_YEARS, 2024, REVOKED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reapplicationInsideTheBarIsRefusedAndTheRefusalRecorded() {
        fixture.given(registered(), recognized(), revoked(REVOKED_ON))
                .when(new ReapplyForRecognition(ID, LocalDate.of(2027, 5, 19)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ReapplicationOutcome(false, LocalDate.of(2027, 5, 20)))
                .expectEvents(new ReapplicationRefused(ID, CODE, LocalDate.of(2027, 5, 19), LocalDate.of(2027, 5, 20)));
    }

    @Test
    void reapplicationOnTheDayTheBarEndsIsAccepted() {
        fixture.given(registered(), recognized(), revoked(REVOKED_ON))
                .when(new ReapplyForRecognition(ID, LocalDate.of(2027, 5, 20)))
                .expectResultMessagePayload(new ReapplicationOutcome(true, null))
                .expectEvents(new ReapplicationAccepted(ID, CODE, LocalDate.of(2027, 5, 20)));
    }

    @Test
    void reapplicationOfAPlatformThatWasNotRevokedIsRefused() {
        fixture.given(registered(), recognized())
                .when(new ReapplyForRecognition(ID, REVOKED_ON))
                .expectException(violates("reapplication.not-revoked"))
                .expectNoEvents();
    }

    @Test
    void revokedPlatformMustReapplyBeforeItIsRecognizedAgain() {
        fixture.given(registered(), recognized(), revoked(REVOKED_ON))
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2027〕3号", LocalDate.of(2027, 8, 1),
                        LocalDate.of(2027, 8, 1)))
                .expectException(violates("recognition.reapplication-required"))
                .expectNoEvents();
    }

    @Test
    void recognitionAfterAnAcceptedReapplicationIsARerecognition() {
        fixture.given(registered(), recognized(), revoked(REVOKED_ON),
                        new ReapplicationAccepted(ID, CODE, LocalDate.of(2027, 6, 1)))
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2027〕3号", LocalDate.of(2027, 8, 1),
                        LocalDate.of(2027, 8, 1)))
                .expectEvents(new PlatformReRecognized(ID, CODE, Level.MUNICIPAL, "温科发〔2027〕3号",
                        LocalDate.of(2027, 8, 1)));
    }

    @Test
    void rerecognitionDatedBeforeTheReapplicationIsRefused() {
        fixture.given(registered(), recognized(), revoked(REVOKED_ON),
                        new ReapplicationAccepted(ID, CODE, LocalDate.of(2027, 6, 1)))
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2027〕3号", LocalDate.of(2027, 5, 31),
                        LocalDate.of(2027, 8, 1)))
                .expectException(violates("recognition.before-reapplication"))
                .expectNoEvents();
    }

    @Test
    void revocationClosesOpenRectifications() {
        fixture.given(registered(), recognized(), rectificationIssued(2023), revoked(REVOKED_ON))
                .when(new ConfirmRectification(ID, 2023, LocalDate.of(2025, 6, 1)))
                .expectException(violates("rectification.not-open"))
                .expectNoEvents();
    }
}
