package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.funding.command.BudgetLine;
import cn.gov.wenzhou.kjj.funding.command.CategoryKind;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AwardProject;
import cn.gov.wenzhou.kjj.funding.command.PaymentApprovalParameters;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SignContract;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives funding-service's representative aggregate, the funded project ({@code FundedProject}), through its own
 * command gateway, in-process: award, contract, first tranche, then expenditures (the everyday command of a project's
 * life). Each expenditure appends one {@code ExpenditureRecorded} event of about 500 bytes with its metadata.
 */
final class Projects {

    static final LocalDate AWARDED_ON = LocalDate.of(2025, 1, 10);
    static final LocalDate SIGNED_ON = LocalDate.of(2025, 2, 1);
    static final LocalDate SPENT_ON = LocalDate.of(2025, 3, 1);
    // ten million yuan, half of it paid with the first tranche: room for millions of small expenditures
    static final long AWARD_FEN = 1_000_000_000L;

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final FundingParameters.Rules rules;
    private final AtomicLong vouchers = new AtomicLong();

    Projects(ConfigurableApplicationContext funding) {
        this.commands = funding.getBean(CommandGateway.class);
        this.transactions = funding.getBean(TransactionManager.class);
        this.rules = funding.getBean(FundingParameters.class).rulesOn(AWARDED_ON);
    }

    /** Awards a project, signs its contract and pays its first tranche: three events, ready for expenditures. */
    String open(int number) {
        String projectId = UUID.randomUUID().toString();
        List<BudgetLine> budget = List.of(
                new BudgetLine("OPERATING", CategoryKind.DIRECT, 800_000_000L),
                new BudgetLine("LABOUR", CategoryKind.DIRECT, 100_000_000L),
                new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 100_000_000L));
        commands.sendAndWait(new AwardProject(projectId, "bench-call", "bench-application-" + number,
                "基准测试项目 " + number, creditCode(number), null, List.of(), Map.of(), AWARD_FEN, 0L,
                rules.categoryScheme(), budget, rules, "温科项〔2025〕基准" + number + "号", AWARDED_ON));
        commands.sendAndWait(new SignContract(projectId, "温科合〔2025〕基准" + number + "号", SIGNED_ON));
        // setup only: paid at once (an approval threshold above any amount); the figures time expenditures
        commands.sendAndWait(new DisburseTranche(projectId, 1, null, "温财拨〔2025〕基准" + number + "-1", "首期拨付",
                SIGNED_ON, null, "bench", DIRECT_PAYMENT));
        return projectId;
    }

    static final PaymentApprovalParameters.Version DIRECT_PAYMENT =
            new PaymentApprovalParameters.Version("bench-direct", AWARDED_ON, Bounds.MAX_FEN, 14);

    List<String> open(int first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(open(first + i));
        }
        return ids;
    }

    /** One expenditure through the command gateway: load, decide, append, commit (durably). */
    void spend(String projectId) {
        commands.sendAndWait(expenditure(projectId));
    }

    /**
     * {@code count} expenditures on one project in transactions of {@code perTransaction} commands: the same
     * commands and events, one commit per batch. Used to build long histories quickly (and, in explorations, to show
     * what batching commits buys).
     */
    void spendInBatches(String projectId, int count, int perTransaction) {
        int done = 0;
        while (done < count) {
            int batch = Math.min(perTransaction, count - done);
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                unitOfWork.attachTransaction(transactions);
                for (int i = 0; i < batch; i++) {
                    commands.sendAndWait(expenditure(projectId));
                }
                unitOfWork.commit();
            } catch (RuntimeException | Error e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                throw e;
            }
            done += batch;
        }
    }

    private RecordExpenditure expenditure(String projectId) {
        long voucher = vouchers.incrementAndGet();
        return new RecordExpenditure(projectId, UUID.randomUUID().toString(), "OPERATING", 100 + voucher % 900,
                "WZ-2025-" + voucher, "实验材料采购（试剂、耗材）", SPENT_ON);
    }

    /** A valid Unified Social Credit Code per number (GB 32100-2015 check character). */
    static String creditCode(long number) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("91330300");
        long rest = number;
        char[] tail = new char[9];
        for (int i = 8; i >= 0; i--) {
            tail[i] = alphabet.charAt((int) (rest % 31));
            rest /= 31;
        }
        body.append(tail);
        return body.toString() + UnifiedSocialCreditCode.checkCharacter(body.toString());
    }
}
