package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.support.security.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.gov.wenzhou.kjj.support.security.Role.ENTERPRISE;
import static cn.gov.wenzhou.kjj.support.security.Role.FINANCE_AUDITOR;
import static cn.gov.wenzhou.kjj.support.security.Role.FUNDING_OFFICER;
import static cn.gov.wenzhou.kjj.support.security.Role.OPERATOR;
import static cn.gov.wenzhou.kjj.support.security.Role.PLATFORM;

/**
 * Who may call which funding endpoint. An endpoint missing here is denied to everyone. Funding officers run calls
 * and projects; finance auditors read everything and change nothing; an enterprise submits its own demands and
 * applications and reads only its own applications and projects (scoped by its token's credit code in the
 * controllers); an enterprise or platform named as a partner of a bid reads it and confirms its own part.
 */
@Configuration
public class FundingAccessPolicy {

    @Bean
    public AccessPolicy accessPolicy() {
        return AccessPolicy.builder()
                // calls, demands, the list
                .post("/api/calls", FUNDING_OFFICER)
                .get("/api/calls", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .get("/api/calls/*", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .post("/api/calls/*/demands", FUNDING_OFFICER, ENTERPRISE)
                .get("/api/calls/*/demands", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .post("/api/calls/*/demands/*/curation", FUNDING_OFFICER)
                .post("/api/calls/*/publication", FUNDING_OFFICER)
                // applications and review
                .post("/api/calls/*/applications", FUNDING_OFFICER, ENTERPRISE)
                .get("/api/calls/*/applications", FUNDING_OFFICER, FINANCE_AUDITOR)
                .post("/api/calls/*/applications-closure", FUNDING_OFFICER)
                .post("/api/calls/*/applications/*/scores", FUNDING_OFFICER)
                .post("/api/calls/*/ranking", FUNDING_OFFICER)
                .get("/api/calls/*/ranking", FUNDING_OFFICER, FINANCE_AUDITOR)
                .post("/api/calls/*/applications/*/decline", FUNDING_OFFICER)
                .post("/api/calls/*/applications/*/award", FUNDING_OFFICER)
                // a partner confirms its own part: the partner organisation's token only (checked in the controller)
                .post("/api/calls/*/applications/*/partners/*/confirmation", ENTERPRISE, PLATFORM)
                .get("/api/applications", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE, PLATFORM)
                .get("/api/applications/*", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE, PLATFORM)
                // the bureau's record of leading and chain-leader enterprises
                .put("/api/enterprise-tiers/*", FUNDING_OFFICER)
                .get("/api/enterprise-tiers", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/enterprise-tiers/*", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .get("/api/enterprise-tiers/*/history", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                // where an enterprise receives funding's notices: its own, or set by an officer
                .put("/api/enterprises/*/notice-address", FUNDING_OFFICER, ENTERPRISE)
                .get("/api/enterprises/*/notice-address", FUNDING_OFFICER, ENTERPRISE)
                // funded projects
                .get("/api/projects", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .get("/api/projects/*", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .post("/api/projects/*/contract", FUNDING_OFFICER)
                .post("/api/projects/*/mid-term-check", FUNDING_OFFICER)
                .post("/api/projects/*/acceptance", FUNDING_OFFICER)
                .post("/api/projects/*/disbursements", FUNDING_OFFICER)
                .post("/api/projects/*/expenditures", FUNDING_OFFICER)
                .post("/api/projects/*/budget-adjustments", FUNDING_OFFICER)
                .post("/api/projects/*/suspension", FUNDING_OFFICER)
                .post("/api/projects/*/resumption", FUNDING_OFFICER)
                .post("/api/projects/*/termination", FUNDING_OFFICER)
                .post("/api/projects/*/recoveries", FUNDING_OFFICER)
                .post("/api/projects/*/closure", FUNDING_OFFICER)
                // four-eyes payment approval: approvers are funding officers holding a delegation
                .post("/api/projects/*/disbursement-requests/*/approval", FUNDING_OFFICER)
                .post("/api/projects/*/disbursement-requests/*/rejection", FUNDING_OFFICER)
                .post("/api/projects/*/disbursement-requests/*/escalation", FUNDING_OFFICER)
                .get("/api/projects/*/disbursement-requests", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/disbursement-requests/waiting", FUNDING_OFFICER)
                .put("/api/approver-delegations/*", FUNDING_OFFICER)
                .get("/api/approver-delegations/*/history", FUNDING_OFFICER, FINANCE_AUDITOR)
                // reporting obligations: the enterprise submits its own project's reports (scoped in the controller),
                // officers accept or return them; the overdue list is the funding and finance desks'
                .get("/api/projects/*/obligations", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .post("/api/projects/*/obligations/*/submission", FUNDING_OFFICER, ENTERPRISE)
                .post("/api/projects/*/obligations/*/acceptance", FUNDING_OFFICER)
                .post("/api/projects/*/obligations/*/return", FUNDING_OFFICER)
                .get("/api/reporting/overdue", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/reporting/suspension-proposals", FUNDING_OFFICER)
                .get("/api/reporting/notices", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .get("/api/audit/holds", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/funding-parameters/reporting", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                // evidence documents: uploaded by officers (any project) and by a project's own enterprise (scoped in
                // the controller); read by finance from the audit trail
                .post("/api/documents", FUNDING_OFFICER)
                .post("/api/projects/*/documents", FUNDING_OFFICER, ENTERPRISE)
                .get("/api/documents/*", FINANCE_AUDITOR, FUNDING_OFFICER)
                // the finance audit trail: read-only
                .get("/api/audit/money-events", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/money-events.csv", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/money-events.xlsx", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/totals", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/reconciliation", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/projects/*/as-of", FINANCE_AUDITOR, FUNDING_OFFICER)
                // the money ledger: its head, export and proofs
                .get("/api/audit/ledger/head", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/ledger/status", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/ledger/public-key", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/ledger/export", FINANCE_AUDITOR)
                .get("/api/audit/ledger/proof/*", FINANCE_AUDITOR, FUNDING_OFFICER)
                .get("/api/audit/ledger/consistency", FINANCE_AUDITOR, FUNDING_OFFICER)
                // reference data
                .get("/api/platform-standings/*", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/platform-standings/*/history", FUNDING_OFFICER, FINANCE_AUDITOR)
                .get("/api/funding-parameters", FUNDING_OFFICER, FINANCE_AUDITOR, ENTERPRISE)
                .get("/ops/**", OPERATOR)
                .build();
    }
}
