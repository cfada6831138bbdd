package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class StaffingPoolTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 1, 6);
    private FixtureConfiguration<StaffingPool> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffingPool.class);
    }

    @Test
    void settingAQuotaRecordsThePreviousOne() {
        fixture.given(new PoolQuotaSet(StaffingPool.WENZHOU, 2025, 150, 0, "initial", DECIDED))
                .when(new SetPoolQuota(StaffingPool.WENZHOU, 2025, 200, "raised", DECIDED.plusDays(30)))
                .expectEvents(new PoolQuotaSet(StaffingPool.WENZHOU, 2025, 200, 150, "raised", DECIDED.plusDays(30)));
    }

    @Test
    void negativeQuotaIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetPoolQuota(StaffingPool.WENZHOU, 2025, -1, "typo", DECIDED))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
