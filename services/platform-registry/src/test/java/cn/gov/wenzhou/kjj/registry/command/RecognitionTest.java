package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.UpgradePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.registry.command.Given.CODE;
import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.RECOGNIZED_ON;
import static cn.gov.wenzhou.kjj.registry.command.Given.evaluated;
import static cn.gov.wenzhou.kjj.registry.command.Given.invalid;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.rectificationIssued;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;
import static cn.gov.wenzhou.kjj.registry.command.Given.reported;
import static cn.gov.wenzhou.kjj.registry.command.Given.violates;

class RecognitionTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
    }

    @Test
    void recognizingARegisteredPlatformRecordsLevelDocumentAndDate() {
        fixture.given(registered())
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2022〕12号", RECOGNIZED_ON, TODAY))
                .expectEvents(recognized());
    }

    @Test
    void recognitionDatedBeforeTheYear2000IsInvalid() {
        fixture.given(registered())
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔1999〕1号", LocalDate.of(1999, 12, 31), TODAY))
                .expectException(invalid("recognizedOn"))
                .expectNoEvents();
    }

    @Test
    void recognizingAnAlreadyRecognizedPlatformIsRefused() {
        fixture.given(registered(), recognized())
                .when(new RecognizePlatform(ID, Level.PROVINCIAL, "温科发〔2024〕1号", TODAY, TODAY))
                .expectException(violates("recognition.already-recognized"))
                .expectNoEvents();
    }

    @Test
    void recognitionDatedInTheFutureIsInvalid() {
        fixture.given(registered())
                .when(new RecognizePlatform(ID, Level.MUNICIPAL, "温科发〔2025〕1号", TODAY.plusDays(1), TODAY))
                .expectException(invalid("recognizedOn"))
                .expectNoEvents();
    }

    @Test
    void upgradingMovesARecognizedPlatformToAHigherLevel() {
        fixture.given(registered(), recognized())
                .when(new UpgradePlatform(ID, Level.PROVINCIAL, "浙科发〔2025〕7号", LocalDate.of(2025, 3, 1), TODAY))
                .expectEvents(new PlatformUpgraded(ID, CODE, Level.MUNICIPAL, Level.PROVINCIAL, "浙科发〔2025〕7号",
                        LocalDate.of(2025, 3, 1)));
    }

    @Test
    void upgradingToTheSameOrALowerLevelIsRefused() {
        fixture.given(registered(), recognized())
                .when(new UpgradePlatform(ID, Level.MUNICIPAL, "x", TODAY, TODAY))
                .expectException(violates("upgrade.not-higher"))
                .expectNoEvents();
    }

    @Test
    void upgradingAPlatformThatIsNotRecognizedIsRefused() {
        fixture.given(registered())
                .when(new UpgradePlatform(ID, Level.PROVINCIAL, "x", TODAY, TODAY))
                .expectException(violates("upgrade.requires-recognition"))
                .expectNoEvents();
    }

    @Test
    void upgradingAPlatformUnderRectificationIsRefused() {
        fixture.given(registered(), recognized(), reported(2023), evaluated(2023, Grade.FAIL, "50.00"),
                        rectificationIssued(2023))
                .when(new UpgradePlatform(ID, Level.PROVINCIAL, "x", TODAY, TODAY))
                .expectException(violates("upgrade.under-rectification"))
                .expectNoEvents();
    }

    @Test
    void upgradeDatedBeforeTheRecognitionIsRefused() {
        fixture.given(registered(), recognized())
                .when(new UpgradePlatform(ID, Level.PROVINCIAL, "x", RECOGNIZED_ON.minusDays(1), TODAY))
                .expectException(violates("upgrade.before-recognition"))
                .expectNoEvents();
    }
}
