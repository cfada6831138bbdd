package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;
import java.util.List;

/** Two parameter versions for fixtures, independent of the shipped yml. */
final class TestPolicies {

    static final String V1 = "T-2021";
    static final String V2 = "T-2025";
    static final LocalDate V2_FROM = LocalDate.of(2025, 1, 1);

    private TestPolicies() {
    }

    static TalentPolicy standard() {
        List<PolicyVersion.UrgentField> fields = List.of(
                new PolicyVersion.UrgentField("INTELLIGENT_EQUIPMENT", "智能装备"),
                new PolicyVersion.UrgentField("NEW_MATERIALS", "新材料"));
        return new TalentPolicy(List.of(
                new PolicyVersion(V2, V2_FROM, "test", TitleLevel.MID_LEVEL, TitleLevel.TECHNICIAN, 18, 3, 6, fields),
                new PolicyVersion(V1, LocalDate.of(2021, 1, 1), "test", TitleLevel.MID_LEVEL, TitleLevel.TECHNICIAN,
                        12, 5, 12, fields)));
    }
}
