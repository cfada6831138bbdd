package cn.gov.wenzhou.kjj.console.funding;

import cn.gov.wenzhou.kjj.console.web.CommandForm;
import cn.gov.wenzhou.kjj.console.web.CommandForm.Field;
import cn.gov.wenzhou.kjj.console.web.CommandForm.Kind;

import java.util.List;
import java.util.Map;

/**
 * funding-service's commands as the funding officer's forms send them, with the API's field names (see
 * {@code services/funding-service/.../api}: ChallengeCallController, ApplicationController, AwardController,
 * ProjectController, PaymentApprovalController). Money-moving forms carry an {@code Idempotency-Key}.
 */
final class FundingCommands {

    static final CommandForm OPEN_CALL = CommandForm.of("open-call", "/api/calls",
            Field.of("year", Kind.NUMBER), Field.of("title", Kind.TEXT));
    static final CommandForm CURATION = CommandForm.of("curation",
            "/api/calls/{callId}/demands/{demandId}/curation", Field.of("listed", Kind.YES_NO),
            Field.of("note", Kind.TEXT));
    static final CommandForm PUBLICATION = CommandForm.of("publication", "/api/calls/{callId}/publication");
    static final CommandForm CLOSURE_OF_APPLICATIONS = CommandForm.of("applications-closure",
            "/api/calls/{callId}/applications-closure");
    static final CommandForm SCORE = CommandForm.of("score", "/api/calls/{callId}/applications/{applicationId}/scores",
            Field.of("expertRef", Kind.TEXT), Field.of("score", Kind.NUMBER));
    static final CommandForm RANKING = CommandForm.of("ranking", "/api/calls/{callId}/ranking");
    static final CommandForm DECLINE = CommandForm.of("decline",
            "/api/calls/{callId}/applications/{applicationId}/decline", Field.of("reason", Kind.TEXT));

    /** The commands on one call, by the last part of the console's path. */
    static final Map<String, CommandForm> ON_CALL = CommandForm.byName(CURATION, PUBLICATION, CLOSURE_OF_APPLICATIONS, SCORE,
            RANKING, DECLINE);

    private FundingCommands() {
    }

    /** The award of an application, its budget by the categories of the scheme in force. */
    static CommandForm award(List<String> categories) {
        return CommandForm.of("award", "/api/calls/{callId}/applications/{applicationId}/award",
                        Field.of("award", Kind.YUAN), Field.of("coFunding", Kind.YUAN),
                        new Field("budget", Kind.BUDGET, List.copyOf(categories), "category."),
                        Field.of("documentRef", Kind.TEXT), Field.of("awardedOn", Kind.DATE))
                .idempotently();
    }

    /** The commands on a funded project; its categories are the choices of expenditure and adjustment. */
    static Map<String, CommandForm> onProject(List<String> categories) {
        String base = "/api/projects/{projectId}";
        return CommandForm.byName(
                CommandForm.of("contract", base + "/contract", Field.of("contractRef", Kind.TEXT),
                        Field.of("signedOn", Kind.DATE)),
                CommandForm.of("disbursement", base + "/disbursements", Field.of("trancheNumber", Kind.NUMBER),
                                Field.of("amount", Kind.YUAN), Field.of("documentRef", Kind.TEXT),
                                Field.of("reason", Kind.TEXT), Field.of("disbursedOn", Kind.DATE))
                        .idempotently()
                        .ruleAt("disbursement.exceeds-tranche", "amount")
                        .ruleAt("disbursement.exceeds-award", "amount")
                        .ruleAt("disbursement.milestone-not-accepted", "trancheNumber")
                        .ruleAt("disbursement.tranche-paid", "trancheNumber"),
                CommandForm.of("expenditure", base + "/expenditures",
                                Field.choice("category", "category.", categories), Field.of("amount", Kind.YUAN),
                                Field.of("voucherRef", Kind.TEXT), Field.of("purpose", Kind.TEXT),
                                Field.of("spentOn", Kind.DATE))
                        .idempotently()
                        .ruleAt("expenditure.exceeds-category-budget", "amount")
                        .ruleAt("expenditure.exceeds-funds-received", "amount"),
                CommandForm.of("budget-adjustment", base + "/budget-adjustments",
                                Field.choice("fromCategory", "category.", categories),
                                Field.choice("toCategory", "category.", categories), Field.of("amount", Kind.YUAN),
                                Field.of("reason", Kind.TEXT), Field.of("hostApprovalRef", Kind.TEXT),
                                Field.of("adjustedOn", Kind.DATE))
                        .idempotently()
                        .ruleAt("budget.below-spent", "amount")
                        .ruleAt("budget.indirect-never-increases", "toCategory")
                        .ruleAt("budget.equipment-needs-host-approval", "hostApprovalRef"),
                check("mid-term-check", base + "/mid-term-check"),
                check("acceptance", base + "/acceptance"),
                statusChange("suspension", base + "/suspension"),
                statusChange("resumption", base + "/resumption"),
                CommandForm.of("termination", base + "/termination", Field.of("reason", Kind.TEXT),
                                Field.of("documentRef", Kind.TEXT), Field.of("recoveryOrdered", Kind.YUAN),
                                Field.of("terminatedOn", Kind.DATE))
                        .idempotently()
                        .ruleAt("recovery.exceeds-unspent-balance", "recoveryOrdered"),
                CommandForm.of("recovery", base + "/recoveries", Field.of("amount", Kind.YUAN),
                                Field.of("documentRef", Kind.TEXT), Field.of("recoveredOn", Kind.DATE))
                        .idempotently()
                        .ruleAt("recovery.exceeds-order", "amount"),
                CommandForm.of("closure", base + "/closure", Field.of("documentRef", Kind.TEXT),
                        Field.of("closedOn", Kind.DATE)).idempotently(),
                CommandForm.of("report-submission", base + "/obligations/{obligationId}/submission",
                                Field.of("obligationId", Kind.TEXT), Field.of("reference", Kind.TEXT),
                                Field.of("submittedOn", Kind.DATE))
                        .ruleAt("report.already-submitted", "obligationId")
                        .ruleAt("report.already-accepted", "obligationId"),
                CommandForm.of("report-acceptance", base + "/obligations/{obligationId}/acceptance",
                                Field.of("obligationId", Kind.TEXT), Field.of("note", Kind.TEXT),
                                Field.of("acceptedOn", Kind.DATE))
                        .ruleAt("report.not-submitted", "obligationId"),
                CommandForm.of("report-return", base + "/obligations/{obligationId}/return",
                                Field.of("obligationId", Kind.TEXT), Field.of("reason", Kind.TEXT),
                                Field.of("returnedOn", Kind.DATE))
                        .ruleAt("report.not-submitted", "obligationId"));
    }

    static final CommandForm APPROVAL = CommandForm.of("approval",
            "/api/projects/{projectId}/disbursement-requests/{requestId}/approval", Field.of("note", Kind.TEXT));
    static final CommandForm REJECTION = CommandForm.of("rejection",
            "/api/projects/{projectId}/disbursement-requests/{requestId}/rejection", Field.of("reason", Kind.TEXT));
    static final CommandForm ESCALATION = CommandForm.of("escalation",
            "/api/projects/{projectId}/disbursement-requests/{requestId}/escalation", Field.of("reason", Kind.TEXT));
    static final Map<String, CommandForm> ON_REQUEST = CommandForm.byName(APPROVAL, REJECTION, ESCALATION);
    static final CommandForm DELEGATION = CommandForm.of("delegation", "/api/approver-delegations/{approver}",
            Field.of("approver", Kind.TEXT), Field.choice("level", "approval-level.", List.of("1", "2", "3")),
            Field.of("limit", Kind.YUAN), Field.of("reason", Kind.TEXT), Field.of("effectiveOn", Kind.DATE));

    private static CommandForm check(String name, String path) {
        return CommandForm.of(name, path, Field.of("passed", Kind.YES_NO), Field.of("documentRef", Kind.TEXT),
                Field.of("note", Kind.TEXT), Field.of("date", Kind.DATE));
    }

    private static CommandForm statusChange(String name, String path) {
        return CommandForm.of(name, path, Field.of("reason", Kind.TEXT), Field.of("documentRef", Kind.TEXT),
                Field.of("date", Kind.DATE));
    }
}
