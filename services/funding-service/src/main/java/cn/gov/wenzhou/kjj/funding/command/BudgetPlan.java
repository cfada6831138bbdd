package cn.gov.wenzhou.kjj.funding.command;

import java.util.List;

/**
 * The budget an award approves: its lines under the project's category scheme, the indirect-cost cap the rules gave
 * it, and the plan of tranches the grant is paid in.
 */
public record BudgetPlan(String categoryScheme, List<BudgetLine> lines, long indirectCapFen, List<Tranche> tranches) {
}
