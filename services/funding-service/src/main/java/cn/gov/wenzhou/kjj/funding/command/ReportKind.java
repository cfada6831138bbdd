package cn.gov.wenzhou.kjj.funding.command;

/** The reports a contracted project owes the bureau (项目报告义务), each with its Chinese name for pages and mail. */
public enum ReportKind {
    /** 进展报告: every few months from the contract date (a parameter, default six). */
    PROGRESS("进展报告", "progress report"),
    /** 年度财务报告: the year's use of the special fund, due on a fixed day of the following year. */
    ANNUAL_FINANCIAL("年度财务报告", "annual financial report"),
    /** 中期报告: for the mid-term check (中期检查). */
    MID_TERM("中期报告", "mid-term report"),
    /** 验收报告: for the acceptance review (验收). */
    ACCEPTANCE("验收报告", "acceptance report");

    private final String chinese;
    private final String english;

    ReportKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
