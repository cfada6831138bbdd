package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordFundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordPoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordPoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordCommands.RecordProjectFundsRecovered;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireJoined;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.PoolHireLeft;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsReceived;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.ProjectFundsRecovered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The facts of other services, in the platform's {@link PlatformRecord}: each counted once. */
class IndicatorFeedTest {

    private static final LocalDate ON = LocalDate.of(2025, 4, 1);

    private FixtureConfiguration<PlatformRecord> fixture;
    /** The keys of the facts the platform's own stream holds from the releases before they moved. */
    private final Set<String> recordedBeforeTheMove = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlatformRecord.class);
        fixture.registerInjectableResource((FactsRecordedBeforeTheMove) platformId ->
                platformId.equals(ID) ? recordedBeforeTheMove : Set.of());
    }

    @Test
    void projectWonAsLeadCountsItsAward() {
        fixture.givenNoPriorActivity()
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.LEAD,
                        3_000_000_00L, ON, "ce-1"))
                .expectEvents(new FundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.LEAD,
                        3_000_000_00L, ON, "ce-1"));
    }

    @Test
    void projectWonAsPartnerCountsNoAward() {
        fixture.givenNoPriorActivity()
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.PARTNER,
                        3_000_000_00L, ON, "ce-1"))
                .expectEvents(new FundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.PARTNER, 0, ON,
                        "ce-1"));
    }

    @Test
    void theSameProjectArrivingAgainIsCountedOnce() {
        fixture.given(new FundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-1"))
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameTrancheArrivingAgainIsCountedOnce() {
        fixture.given(new ProjectFundsReceived(ID, "prj-1", 1, 500, ON, "ce-1"))
                .when(new RecordProjectFundsReceived(ID, "prj-1", 1, 500, ON, "ce-2"))
                .expectNoEvents();
    }

    @Test
    void theNextTrancheOfAProjectIsRecorded() {
        fixture.given(new ProjectFundsReceived(ID, "prj-1", 1, 500, ON, "ce-1"))
                .when(new RecordProjectFundsReceived(ID, "prj-1", 2, 300, ON, "ce-2"))
                .expectEvents(new ProjectFundsReceived(ID, "prj-1", 2, 300, ON, "ce-2"));
    }

    @Test
    void poolHiresJoinAndLeaveOnceEach() {
        fixture.given(new PoolHireJoined(ID, "enr-1", "INTELLIGENT_MANUFACTURING", "MID_LEVEL", ON, "ce-1"))
                .when(new RecordPoolHireLeft(ID, "enr-1", "LEFT_EMPLOYER", ON.plusMonths(6), "ce-2"))
                .expectEvents(new PoolHireLeft(ID, "enr-1", "LEFT_EMPLOYER", ON.plusMonths(6), "ce-2"));
        fixture.given(new PoolHireJoined(ID, "enr-1", "F", "MID_LEVEL", ON, "ce-1"))
                .when(new RecordPoolHireJoined(ID, "enr-1", "F", "MID_LEVEL", ON, "ce-3"))
                .expectNoEvents();
    }

    /** The record reads nothing of the platform's standing: a revoked platform's facts are recorded as any other's. */
    @Test
    void factsAreRecordedWhateverThePlatformsStanding() {
        fixture.givenNoPriorActivity()
                .when(new RecordProjectFundsRecovered(ID, "prj-1", 200, ON, "ce-9"))
                .expectEvents(new ProjectFundsRecovered(ID, "prj-1", 200, ON, "ce-9"));
    }

    @Test
    void anAwardAboveTheBoundIsRefusedNotCounted() {
        fixture.givenNoPriorActivity()
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, Long.MAX_VALUE, ON,
                        "ce-1"))
                .expectException(Given.invalid("awardFen"))
                .expectNoEvents();
    }

    @Test
    void fundsReceivedAboveTheBoundAreRefusedNotCounted() {
        fixture.givenNoPriorActivity()
                .when(new RecordProjectFundsReceived(ID, "prj-1", 1, Long.MAX_VALUE, ON, "ce-1"))
                .expectException(Given.invalid("amountFen"))
                .expectNoEvents();
    }

    @Test
    void aFactThePlatformRecordedBeforeTheFactsMovedIsCountedOnce() {
        recordedBeforeTheMove.add(PlatformRecord.keyOf(new FundedProjectWon(ID, "prj-1", "call-1", "t",
                ProjectRole.LEAD, 100, ON, "ce-1")).orElseThrow());
        fixture.givenNoPriorActivity()
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordFundedProjectWon(ID, "prj-2", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-3"))
                .expectEvents(new FundedProjectWon(ID, "prj-2", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-3"));
    }

    @Test
    void aPlatformsRecordIsAStreamApartFromThePlatformsOwn() {
        assertThat(PlatformRecord.idOf(ID)).isNotEqualTo(ID);
        assertThat(new RecordPoolHireJoined(ID, "enr-1", "F", "MID_LEVEL", ON, "ce-1").recordId())
                .isEqualTo(PlatformRecord.idOf(ID));
    }
}
