package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.query.FundingViews.ProjectView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Totals that reconcile to the cent. For each project, the audit trail's sums (one source) are checked against the
 * project view's running totals, tranche plan and category budgets (another projection, other columns), and the
 * identities are checked on them:
 * <ul>
 *     <li>award = disbursed + undisbursed (undisbursed: what the tranche plan still has to pay)</li>
 *     <li>disbursed = spent + recovered + balance (balance: the settled balance once closed, else what the recipient
 *     holds)</li>
 *     <li>spent = the sum of the category spendings; every category spent &le; its budget</li>
 * </ul>
 */
@Component
public class Reconciliation {

    private final AuditTrail trail;
    private final FundingQueries queries;

    public Reconciliation(AuditTrail trail, FundingQueries queries) {
        this.trail = trail;
        this.queries = queries;
    }

    public Report of(String callId, String recipientCreditCode, String projectId) {
        List<ProjectView> projects = projectId != null
                ? queries.project(projectId).map(List::of).orElse(List.of())
                : queries.projects(callId, recipientCreditCode, null);
        List<ProjectLine> lines = new ArrayList<>();
        long award = 0, disbursed = 0, undisbursed = 0, spent = 0, recovered = 0, balance = 0;
        boolean all = true;
        for (ProjectView project : projects) {
            ProjectLine line = line(project);
            lines.add(line);
            all &= line.reconciled();
            award = Math.addExact(award, line.awardFen());
            disbursed = Math.addExact(disbursed, line.disbursedFen());
            undisbursed = Math.addExact(undisbursed, line.undisbursedFen());
            spent = Math.addExact(spent, line.spentFen());
            recovered = Math.addExact(recovered, line.recoveredFen());
            balance = Math.addExact(balance, line.balanceFen());
        }
        boolean totalsHold = award == Math.addExact(disbursed, undisbursed)
                && disbursed == Math.addExact(Math.addExact(spent, recovered), balance);
        return new Report(lines.size(), award, disbursed, undisbursed, spent, recovered, balance, all && totalsHold,
                lines);
    }

    private ProjectLine line(ProjectView project) {
        Map<MoneyEventKind, long[]> sums = trail.totals(new AuditFilter(project.projectId(), null, null, null, null,
                null));
        long award = sums.get(MoneyEventKind.AWARD)[0];
        long disbursed = sums.get(MoneyEventKind.DISBURSEMENT)[0];
        long spent = sums.get(MoneyEventKind.EXPENDITURE)[0];
        long recovered = sums.get(MoneyEventKind.RECOVERY)[0];
        long settled = sums.get(MoneyEventKind.BALANCE_SETTLEMENT)[0];
        boolean closed = sums.get(MoneyEventKind.BALANCE_SETTLEMENT)[1] > 0;
        long undisbursed = project.tranches().stream().mapToLong(t -> t.plannedFen() - t.paidFen())
                .reduce(0, Math::addExact);
        long categorySpent = project.budget().stream().mapToLong(FundingViews.BudgetLineView::spentFen)
                .reduce(0, Math::addExact);
        long balance = closed ? settled : project.disbursedFen() - categorySpent - project.recoveredFen();
        List<String> breaks = new ArrayList<>();
        check(breaks, award == project.awardFen(), "award: audit trail " + award + " vs project " + project.awardFen());
        check(breaks, disbursed == project.disbursedFen(), "disbursed: audit trail " + disbursed + " vs project "
                + project.disbursedFen());
        check(breaks, spent == categorySpent, "spent: audit trail " + spent + " vs categories " + categorySpent);
        check(breaks, recovered == project.recoveredFen(), "recovered: audit trail " + recovered + " vs project "
                + project.recoveredFen());
        check(breaks, award == Math.addExact(disbursed, undisbursed), "award != disbursed + undisbursed");
        check(breaks, disbursed == Math.addExact(Math.addExact(spent, recovered), balance),
                "disbursed != spent + recovered + balance");
        check(breaks, project.budget().stream().allMatch(b -> b.spentFen() <= b.budgetFen()),
                "a category is spent above its budget");
        return new ProjectLine(project.projectId(), project.status(), award, disbursed, undisbursed, spent, recovered,
                balance, closed, breaks.isEmpty(), breaks);
    }

    private static void check(List<String> breaks, boolean holds, String otherwise) {
        if (!holds) {
            breaks.add(otherwise);
        }
    }

    public record Report(int projects, long awardFen, long disbursedFen, long undisbursedFen, long spentFen,
                         long recoveredFen, long balanceFen, boolean reconciled, List<ProjectLine> lines) {
    }

    /** @param breaks what does not reconcile (empty when it does) */
    public record ProjectLine(String projectId, String status, long awardFen, long disbursedFen, long undisbursedFen,
                              long spentFen, long recoveredFen, long balanceFen, boolean balanceSettled,
                              boolean reconciled, List<String> breaks) {
    }
}
