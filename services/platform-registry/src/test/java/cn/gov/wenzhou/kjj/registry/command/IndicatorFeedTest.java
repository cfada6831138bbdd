package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.registry.command.Given.ID;
import static cn.gov.wenzhou.kjj.registry.command.Given.recognized;
import static cn.gov.wenzhou.kjj.registry.command.Given.registered;

class IndicatorFeedTest {

    private static final LocalDate ON = LocalDate.of(2025, 4, 1);

    private FixtureConfiguration<Platform> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Platform.class);
    }

    @Test
    void projectWonAsLeadCountsItsAward() {
        fixture.given(registered(), recognized())
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.LEAD,
                        3_000_000_00L, ON, "ce-1"))
                .expectEvents(new FundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.LEAD,
                        3_000_000_00L, ON, "ce-1"));
    }

    @Test
    void projectWonAsPartnerCountsNoAward() {
        fixture.given(registered(), recognized())
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.PARTNER,
                        3_000_000_00L, ON, "ce-1"))
                .expectEvents(new FundedProjectWon(ID, "prj-1", "call-1", "电驱系统攻关", ProjectRole.PARTNER, 0, ON,
                        "ce-1"));
    }

    @Test
    void theSameProjectArrivingAgainIsCountedOnce() {
        fixture.given(registered(), new FundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-1"))
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, 100, ON, "ce-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameTrancheArrivingAgainIsCountedOnce() {
        fixture.given(registered(), new ProjectFundsReceived(ID, "prj-1", 1, 500, ON, "ce-1"))
                .when(new RecordProjectFundsReceived(ID, "prj-1", 1, 500, ON, "ce-2"))
                .expectNoEvents();
    }

    @Test
    void theNextTrancheOfAProjectIsRecorded() {
        fixture.given(registered(), new ProjectFundsReceived(ID, "prj-1", 1, 500, ON, "ce-1"))
                .when(new RecordProjectFundsReceived(ID, "prj-1", 2, 300, ON, "ce-2"))
                .expectEvents(new ProjectFundsReceived(ID, "prj-1", 2, 300, ON, "ce-2"));
    }

    @Test
    void poolHiresJoinAndLeaveOnceEach() {
        fixture.given(registered(), new PoolHireJoined(ID, "enr-1", "INTELLIGENT_MANUFACTURING", "MID_LEVEL", ON, "ce-1"))
                .when(new RecordPoolHireLeft(ID, "enr-1", "LEFT_EMPLOYER", ON.plusMonths(6), "ce-2"))
                .expectEvents(new PoolHireLeft(ID, "enr-1", "LEFT_EMPLOYER", ON.plusMonths(6), "ce-2"));
        fixture.given(registered(), new PoolHireJoined(ID, "enr-1", "F", "MID_LEVEL", ON, "ce-1"))
                .when(new RecordPoolHireJoined(ID, "enr-1", "F", "MID_LEVEL", ON, "ce-3"))
                .expectNoEvents();
    }

    @Test
    void factsAreRecordedWhateverThePlatformsStanding() {
        fixture.given(registered(), recognized(), Given.revoked(LocalDate.of(2025, 1, 1)))
                .when(new RecordProjectFundsRecovered(ID, "prj-1", 200, ON, "ce-9"))
                .expectEvents(new ProjectFundsRecovered(ID, "prj-1", 200, ON, "ce-9"));
    }

    @Test
    void anAwardAboveTheBoundIsRefusedNotCounted() {
        fixture.given(registered(), recognized())
                .when(new RecordFundedProjectWon(ID, "prj-1", "call-1", "t", ProjectRole.LEAD, Long.MAX_VALUE, ON,
                        "ce-1"))
                .expectException(Given.invalid("awardFen"))
                .expectNoEvents();
    }

    @Test
    void fundsReceivedAboveTheBoundAreRefusedNotCounted() {
        fixture.given(registered(), recognized())
                .when(new RecordProjectFundsReceived(ID, "prj-1", 1, Long.MAX_VALUE, ON, "ce-1"))
                .expectException(Given.invalid("amountFen"))
                .expectNoEvents();
    }
}
