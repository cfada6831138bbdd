package cn.gov.wenzhou.kjj.registry.command;

/** Result grade of the annual performance evaluation (年度绩效评价结果). */
public enum Grade {
    EXCELLENT("优秀"),
    GOOD("良好"),
    PASS("合格"),
    FAIL("不合格");

    private final String chineseName;

    Grade(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
