package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.FreePost;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.TakePost;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostFreed;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PostTaken;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.talent.command.Rules.violates;

class StaffingPoolTest {

    private static final String POOL = StaffingPool.WENZHOU;
    private static final LocalDate DECIDED = LocalDate.of(2025, 1, 6);
    private static final LocalDate ON = LocalDate.of(2025, 6, 30);
    private FixtureConfiguration<StaffingPool> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffingPool.class);
    }

    @Test
    void settingAQuotaRecordsThePreviousOne() {
        fixture.given(new PoolQuotaSet(POOL, 2025, 150, 0, "initial", DECIDED))
                .when(new SetPoolQuota(POOL, 2025, 200, "raised", DECIDED.plusDays(30)))
                .expectEvents(new PoolQuotaSet(POOL, 2025, 200, 150, "raised", DECIDED.plusDays(30)));
    }

    @Test
    void negativeQuotaIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetPoolQuota(POOL, 2025, -1, "typo", DECIDED))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anAdmissionTakesAFreePostAndRecordsHowManyAreHeld() {
        fixture.given(quota(2025, 2), taken("a", 1))
                .when(new TakePost(POOL, "b", ON))
                .expectEvents(new PostTaken(POOL, "b", 2025, 2, 2, ON));
    }

    @Test
    void noPostIsTakenBeyondTheYearsQuota() {
        fixture.given(quota(2025, 2), taken("a", 1), taken("b", 2))
                .when(new TakePost(POOL, "c", ON))
                .expectException(violates("pool.quota-exhausted"))
                .expectNoEvents();
    }

    @Test
    void noPostIsTakenInAYearWithoutAQuota() {
        fixture.given(quota(2025, 10))
                .when(new TakePost(POOL, "a", LocalDate.of(2026, 1, 2)))
                .expectException(violates("pool.no-quota-for-year"))
                .expectNoEvents();
    }

    @Test
    void anEnrollmentHoldsAtMostOnePost() {
        fixture.given(quota(2025, 10), taken("a", 1))
                .when(new TakePost(POOL, "a", ON))
                .expectException(violates("pool.post-already-held"))
                .expectNoEvents();
    }

    @Test
    void anExitFreesThePostForTheNextAdmission() {
        fixture.given(quota(2025, 1), taken("a", 1), new PostFreed(POOL, "a", 2025, 0, ON))
                .when(new TakePost(POOL, "b", ON))
                .expectEvents(new PostTaken(POOL, "b", 2025, 1, 1, ON));
    }

    @Test
    void freeingAPostRecordsHowManyRemainHeld() {
        fixture.given(quota(2025, 3), taken("a", 1), taken("b", 2))
                .when(new FreePost(POOL, "a", ON))
                .expectEvents(new PostFreed(POOL, "a", 2025, 1, ON));
    }

    @Test
    void aPostNotHeldCannotBeFreed() {
        fixture.given(quota(2025, 3), taken("a", 1))
                .when(new FreePost(POOL, "x", ON))
                .expectException(violates("pool.post-not-held"))
                .expectNoEvents();
    }

    @Test
    void postsHeldCarryOverIntoTheNextYearsQuota() {
        LocalDate nextYear = LocalDate.of(2026, 2, 1);
        fixture.given(quota(2025, 5), taken("a", 1), taken("b", 2), quota(2026, 2))
                .when(new TakePost(POOL, "c", nextYear))
                .expectException(violates("pool.quota-exhausted"))
                .expectNoEvents();
    }

    @Test
    void aQuotaLoweredBelowThePostsHeldBlocksAdmissionsUntilExitsBringThemUnder() {
        fixture.given(quota(2025, 3), taken("a", 1), taken("b", 2), taken("c", 3),
                        new PoolQuotaSet(POOL, 2025, 2, 3, "lowered", ON), new PostFreed(POOL, "a", 2025, 2, ON))
                .when(new TakePost(POOL, "d", ON))
                .expectException(violates("pool.quota-exhausted"));
        fixture.given(quota(2025, 3), taken("a", 1), taken("b", 2), taken("c", 3),
                        new PoolQuotaSet(POOL, 2025, 2, 3, "lowered", ON), new PostFreed(POOL, "a", 2025, 2, ON),
                        new PostFreed(POOL, "b", 2025, 1, ON))
                .when(new TakePost(POOL, "d", ON))
                .expectEvents(new PostTaken(POOL, "d", 2025, 2, 2, ON));
    }

    private static PoolQuotaSet quota(int year, int posts) {
        return new PoolQuotaSet(POOL, year, posts, 0, "quota", DECIDED);
    }

    private static PostTaken taken(String enrollmentId, int heldAfter) {
        return new PostTaken(POOL, enrollmentId, 2025, 10, heldAfter, ON);
    }
}
