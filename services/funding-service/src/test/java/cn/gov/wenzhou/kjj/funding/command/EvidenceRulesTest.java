package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApproveDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementApproved;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.DisbursementRequested;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AdjustBudget;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecoverFunds;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.BudgetAdjusted;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ExpenditureRecorded;
import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.TrancheDisbursed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;


import static cn.gov.wenzhou.kjj.funding.command.Rules.invalid;
import static cn.gov.wenzhou.kjj.funding.command.Rules.violates;

/** Evidence documents named by hash in money commands: stored or refused, recorded in the event, invoices once. */
class EvidenceRulesTest {

    private static final String P = "project-1";
    private static final String OTHER = "project-2";
    private static final LocalDate ON = LocalDate.of(2025, 5, 20);
    private static final String ORDER = "a".repeat(64);
    private static final String INVOICE_XML = "b".repeat(64);
    private static final String INVOICE_OFD = "c".repeat(64);
    private static final String APPROVAL = "d".repeat(64);
    private static final String NOT_STORED = "e".repeat(64);
    private static final InvoiceIdentity INVOICE = new InvoiceIdentity("91330300MA2H7K8L0G", "25332000000012345678");
    private static final PaymentApprovalParameters.Version EVERY_PAYMENT =
            new PaymentApprovalParameters.Version("2021.1", LocalDate.of(2016, 1, 1), 0, 14);

    /** One store of documents and claims for every project of a test, as in the service's database. */
    private final InMemoryEvidence evidence = new InMemoryEvidence();

    /** A fixture of one project on the shared store. */
    private FixtureConfiguration<FundedProject> fixture() {
        FixtureConfiguration<FundedProject> fixture = new AggregateTestFixture<>(FundedProject.class);
        fixture.registerInjectableResource(evidence);
        fixture.registerInjectableResource(new InMemoryRecipientHolds());
        fixture.registerAnnotatedCommandHandler(new PaymentApprovalHandler(fixture.getRepository(),
                approver -> new ApproverDelegation.Delegation(approver, 1, 10_000_000L, "v1")));
        return fixture;
    }

    @BeforeEach
    void setUp() {
        evidence.store(ORDER, null);
        evidence.store(APPROVAL, null);
        evidence.store(INVOICE_XML, INVOICE);
        evidence.store(INVOICE_OFD, INVOICE);
    }

    @Test
    void aPaymentRequestRecordsItsStoredDocumentAndTheApprovedPaymentCarriesIt() {
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed())
                .when(new DisburseTranche(P, 1, 500_000L, null, "首笔", ON, "request-1", "clerk", EVERY_PAYMENT,
                        List.of(ORDER)))
                .expectEvents(new DisbursementRequested(P, "request-1", 1, Milestone.CONTRACT, 500_000L, null, "首笔",
                        "clerk", ON, ON.plusDays(14), "2021.1", "2021.1", List.of(ORDER)));

        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed(),
                        new DisbursementRequested(P, "request-1", 1, Milestone.CONTRACT, 500_000L, null, "首笔",
                                "clerk", ON, ON.plusDays(14), "2021.1", "2021.1", List.of(ORDER)))
                .when(new ApproveDisbursement(P, "request-1", "approver", "同意", ON))
                .expectEvents(new DisbursementApproved(P, "request-1", "approver", 1, 10_000_000L, "v1", "同意", ON),
                        new TrancheDisbursed(P, 1, Milestone.CONTRACT, 500_000L, "91330300MA2H7K8L0G", "platform-1",
                                null, "首笔", "2021.1", ON, "request-1", "clerk", "approver", List.of(ORDER)));
    }

    @Test
    void aMoneyCommandNamingADocumentThatIsNotStoredIsRefused() {
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed())
                .when(new DisburseTranche(P, 1, 500_000L, "拨-1", "首笔", ON, "request-1", "clerk", EVERY_PAYMENT,
                        List.of(ORDER, NOT_STORED)))
                .expectException(violates(Evidence.NOT_STORED))
                .expectNoEvents();
    }

    @Test
    void aMalformedOrRepeatedDocumentHashIsABadInputNamingTheField() {
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed())
                .when(new DisburseTranche(P, 1, 500_000L, "拨-1", "首笔", ON, "request-1", "clerk", EVERY_PAYMENT,
                        List.of("not-a-hash")))
                .expectException(invalid("evidence[0]"))
                .expectNoEvents();
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed())
                .when(new DisburseTranche(P, 1, 500_000L, "拨-1", "首笔", ON, "request-1", "clerk", EVERY_PAYMENT,
                        List.of(ORDER, ORDER)))
                .expectException(invalid("evidence"))
                .expectNoEvents();
    }

    @Test
    void anExpenditureRecordsTheInvoiceItClaims() {
        fixture().given(paidProject(P))
                .when(spend(P, "e-1", INVOICE_XML))
                .expectEvents(new ExpenditureRecorded(P, "e-1", "OPERATING", 100_000L, null, "材料", "2021.1",
                        ON.plusDays(1), List.of(INVOICE_XML)));
    }

    @Test
    void theSameInvoiceBytesClaimedByAnotherExpenditureAreRefusedNamingTheEarlierClaim() {
        fixture().given(paidProject(P)).when(spend(P, "e-1", ORDER)).expectSuccessfulHandlerExecution();
        fixture().given(paidProject(OTHER))
                .when(spend(OTHER, "e-2", ORDER))
                .expectException(violates(Evidence.INVOICE_ALREADY_CLAIMED))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("expenditure e-1 of project " + P))
                .expectNoEvents();
    }

    @Test
    void theSameEInvoiceInAnotherFileIsRefusedOnAnyProject() {
        fixture().given(paidProject(P)).when(spend(P, "e-1", INVOICE_XML)).expectSuccessfulHandlerExecution();
        fixture().given(paidProject(OTHER))
                .when(spend(OTHER, "e-2", INVOICE_OFD))
                .expectException(violates(Evidence.INVOICE_ALREADY_CLAIMED))
                .expectNoEvents();
        fixture().given(paidProject(P))
                .when(spend(P, "e-3", INVOICE_OFD))
                .expectException(violates(Evidence.INVOICE_ALREADY_CLAIMED))
                .expectNoEvents();
    }

    @Test
    void anEquipmentAdjustmentWithTheHostApprovalsDocumentNeedsNoPaperReference() {
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed())
                .when(new AdjustBudget(P, "OPERATING", "EQUIPMENT", 10_000L, "加购设备", null, ON, List.of(APPROVAL)))
                .expectEvents(new BudgetAdjusted(P, "OPERATING", "EQUIPMENT", 10_000L, "加购设备", null, "2021.1", ON,
                        List.of(APPROVAL)));
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed())
                .when(new AdjustBudget(P, "OPERATING", "EQUIPMENT", 10_000L, "加购设备", null, ON, List.of()))
                .expectException(violates("budget.equipment-needs-host-approval"))
                .expectNoEvents();
    }

    @Test
    void aRecoveryNamingADocumentThatIsNotStoredIsRefused() {
        fixture().given(FundedProjectTest.awarded(), FundedProjectTest.signed(),
                        new TrancheDisbursed(P, 1, Milestone.CONTRACT, 500_000L, "91330300MA2H7K8L0G", "platform-1",
                                "拨-1", null, "2021.1", ON, null, "clerk", null),
                        new ProjectEvents.ProjectTerminated(P, "终止", "函-1", 100_000L, "2021.1", ON))
                .when(new RecoverFunds(P, 100_000L, null, ON, List.of(NOT_STORED)))
                .expectException(violates(Evidence.NOT_STORED))
                .expectNoEvents();
    }

    private static List<Object> paidProject(String projectId) {
        ProjectEvents.ProjectAwarded awarded = FundedProjectTest.awarded();
        return List.of(new ProjectEvents.ProjectAwarded(projectId, awarded.title(),
                        new AwardRecipient(awarded.recipient().creditCode(), awarded.recipient().platformId(),
                                List.of()), awarded.money(), awarded.budget(), awarded.balance(), awarded.decision()),
                new ProjectEvents.ContractSigned(projectId, "合同-1", awarded.decision().awardedOn().plusDays(5)),
                new TrancheDisbursed(projectId, 1, Milestone.CONTRACT, 500_000L, awarded.recipient().creditCode(),
                        "platform-1", "拨-1", null, "2021.1", ON, null, "clerk", null));
    }

    private static RecordExpenditure spend(String projectId, String expenditureId, String document) {
        return new RecordExpenditure(projectId, expenditureId, "OPERATING", 100_000L, null, "材料", ON.plusDays(1),
                List.of(document));
    }

}
