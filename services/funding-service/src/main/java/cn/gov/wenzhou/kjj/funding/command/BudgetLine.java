package cn.gov.wenzhou.kjj.funding.command;

/** One category of a project's special-fund budget, in fen. */
public record BudgetLine(String category, CategoryKind kind, long amountFen) {
}
