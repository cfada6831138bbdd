package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.RecordEnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordEvents.EnterpriseTierRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;

class EnterpriseRecordTest {

    private static final String CODE = "91330300MA2H7K8L0G";
    private static final LocalDate ON = LocalDate.of(2025, 3, 1);

    private FixtureConfiguration<EnterpriseRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EnterpriseRecord.class);
    }

    @Test
    void theFirstRecordOfAnEnterpriseHasNoPreviousTier() {
        fixture.givenNoPriorActivity()
                .when(new RecordEnterpriseTier(CODE, EnterpriseTier.LEADING, " 龙头骨干企业名单 ", "温经信〔2025〕3号", ON))
                .expectEvents(new EnterpriseTierRecorded(CODE, EnterpriseTier.LEADING, null, "龙头骨干企业名单",
                        "温经信〔2025〕3号", ON));
    }

    @Test
    void aChangeOfTierKeepsThePreviousOne() {
        fixture.given(new EnterpriseTierRecorded(CODE, EnterpriseTier.LEADING, null, "名单", null, ON))
                .when(new RecordEnterpriseTier(CODE, EnterpriseTier.OTHER, "退出名单", "温经信〔2026〕1号", ON.plusYears(1)))
                .expectEvents(new EnterpriseTierRecorded(CODE, EnterpriseTier.OTHER, EnterpriseTier.LEADING, "退出名单",
                        "温经信〔2026〕1号", ON.plusYears(1)));
    }

    @Test
    void recordingTheTierTheEnterpriseAlreadyHasIsRefused() {
        fixture.given(new EnterpriseTierRecorded(CODE, EnterpriseTier.LEADING, null, "名单", null, ON))
                .when(new RecordEnterpriseTier(CODE, EnterpriseTier.LEADING, "再次", null, ON))
                .expectException(violates("enterprise-tier.unchanged"))
                .expectNoEvents();
    }

    @Test
    void aTierIsNeverRecordedWithoutAReason() {
        fixture.givenNoPriorActivity()
                .when(new RecordEnterpriseTier(CODE, EnterpriseTier.CHAIN_LEADER, " ", null, ON))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }

    @Test
    void anEnterpriseOnTheBureausTierRecordSetsItsNoticeAddressOnTheSameRecord() {
        fixture.given(new EnterpriseTierRecorded(CODE, EnterpriseTier.LEADING, null, "名单", null, ON))
                .when(new EnterpriseRecordCommands.SetEnterpriseNoticeAddress(CODE, " KeYan@QiYe.example.cn ", "enterprise",
                        ON))
                .expectEvents(new EnterpriseRecordEvents.EnterpriseNoticeAddressSet(CODE, "KeYan@qiye.example.cn",
                        "enterprise", ON));
    }

    @Test
    void theTierIsRecordedForAnEnterpriseThatAlreadyKeepsANoticeAddress() {
        fixture.given(new EnterpriseRecordEvents.EnterpriseNoticeAddressSet(CODE, "keyan@qiye.example.cn", "enterprise",
                        ON))
                .when(new RecordEnterpriseTier(CODE, EnterpriseTier.LEADING, "名单", null, ON))
                .expectEvents(new EnterpriseTierRecorded(CODE, EnterpriseTier.LEADING, null, "名单", null, ON));
    }

    @Test
    void settingTheAddressTheEnterpriseAlreadyKeepsIsRefused() {
        fixture.given(new EnterpriseRecordEvents.EnterpriseNoticeAddressSet(CODE, "keyan@qiye.example.cn", "enterprise",
                        ON))
                .when(new EnterpriseRecordCommands.SetEnterpriseNoticeAddress(CODE, "keyan@qiye.example.cn", "enterprise",
                        ON))
                .expectException(violates("notice-address.unchanged"))
                .expectNoEvents();
    }

    @Test
    void aNoticeAddressThatIsNoEmailAddressIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EnterpriseRecordCommands.SetEnterpriseNoticeAddress(CODE, "not-an-address", "enterprise", ON))
                .expectException(invalid("address"))
                .expectNoEvents();
    }
}
