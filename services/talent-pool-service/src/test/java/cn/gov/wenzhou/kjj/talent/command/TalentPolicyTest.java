package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TalentPolicyTest {

    private final TalentPolicy policy = TestPolicies.standard();

    @Test
    void theVersionInForceIsTheLatestEffectiveOnTheDate() {
        assertThat(policy.inForceOn(TestPolicies.V2_FROM.minusDays(1)).version()).isEqualTo(TestPolicies.V1);
        assertThat(policy.inForceOn(TestPolicies.V2_FROM).version()).isEqualTo(TestPolicies.V2);
        assertThat(policy.versions()).extracting(PolicyVersion::version)
                .containsExactly(TestPolicies.V1, TestPolicies.V2);
    }

    @Test
    void beforeTheFirstVersionNoRuleApplies() {
        assertThatThrownBy(() -> policy.inForceOn(LocalDate.of(2020, 12, 31)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void midLevelTitlesAndTechniciansUpwardAreEligible() {
        PolicyVersion rules = policy.inForceOn(TestPolicies.V2_FROM);
        assertThat(List.of(TitleLevel.values())).filteredOn(rules::isEligible).containsExactly(
                TitleLevel.MID_LEVEL, TitleLevel.ASSOCIATE_SENIOR, TitleLevel.SENIOR, TitleLevel.TECHNICIAN,
                TitleLevel.SENIOR_TECHNICIAN);
    }

    @Test
    void fieldsAreFoundByCodeOrChineseName() {
        PolicyVersion rules = policy.inForceOn(TestPolicies.V2_FROM);
        assertThat(rules.field("智能装备")).map(PolicyVersion.UrgentField::code).contains("INTELLIGENT_EQUIPMENT");
        assertThat(rules.field("new_materials")).map(PolicyVersion.UrgentField::code).contains("NEW_MATERIALS");
        assertThat(rules.field("TOURISM")).isEmpty();
    }

    @Test
    void titleLevelsAreParsedFromCodesOrChineseNames() {
        assertThat(TitleLevel.parse("技师", "titleLevel")).isEqualTo(TitleLevel.TECHNICIAN);
        assertThat(TitleLevel.parse("mid_level", "titleLevel")).isEqualTo(TitleLevel.MID_LEVEL);
        assertThatThrownBy(() -> TitleLevel.parse("院士", "titleLevel"))
                .isInstanceOf(cn.gov.wenzhou.kjj.support.domain.InvalidInputException.class);
    }

    @Test
    void versionsNeedDistinctNamesAndDates() {
        PolicyVersion one = policy.versions().get(0);
        assertThatThrownBy(() -> new TalentPolicy(List.of(one, one))).isInstanceOf(IllegalArgumentException.class);
    }
}
