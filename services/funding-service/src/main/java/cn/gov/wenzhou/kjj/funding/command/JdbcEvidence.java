package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link Evidence} on funding's own tables ({@code evidence_document}, {@code invoice_claim}, migration V16); joins
 * the transaction of the command that asks, so a refused command leaves no claim.
 */
@Component
public class JdbcEvidence implements Evidence {

    private final JdbcTemplate jdbc;

    public JdbcEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void requireStored(List<String> sha256s, String field) {
        for (String sha256 : sha256s) {
            Integer stored = jdbc.queryForObject("select count(*) from evidence_document where sha256 = ?",
                    Integer.class, sha256);
            if (stored == null || stored == 0) {
                throw new RuleViolationException(NOT_STORED, field + " names document " + sha256
                        + ", which is not stored: upload it first (POST /api/documents)");
            }
        }
    }

    @Override
    public void claimInvoices(String projectId, String expenditureId, List<String> sha256s, String field) {
        requireStored(sha256s, field);
        for (String sha256 : sha256s) {
            Map<String, Object> document = jdbc.queryForMap(
                    "select invoice_number, seller_tax_id from evidence_document where sha256 = ?", sha256);
            List<String> keys = new ArrayList<>();
            keys.add(InvoiceIdentity.byBytes(sha256));
            Object number = document.get("invoice_number");
            Object seller = document.get("seller_tax_id");
            if (number != null && seller != null) {
                keys.add(new InvoiceIdentity(seller.toString(), number.toString()).claimKey());
            }
            for (String key : keys) {
                claim(key, projectId, expenditureId, sha256);
            }
        }
    }

    private void claim(String key, String projectId, String expenditureId, String sha256) {
        // a concurrent claim of the same key waits here until the other transaction ends, then finds the conflict
        int inserted = jdbc.update("""
                insert into invoice_claim (claim_key, project_id, expenditure_id, sha256) values (?, ?, ?, ?)
                on conflict (claim_key) do nothing""", key, projectId, expenditureId, sha256);
        if (inserted == 1) {
            return;
        }
        Map<String, Object> earlier = jdbc.queryForMap(
                "select project_id, expenditure_id from invoice_claim where claim_key = ?", key);
        if (projectId.equals(earlier.get("project_id")) && expenditureId.equals(earlier.get("expenditure_id"))) {
            return;
        }
        throw new RuleViolationException(INVOICE_ALREADY_CLAIMED, "invoice " + InvoiceIdentity.describe(key)
                + " (document " + sha256 + ") is already claimed by expenditure " + earlier.get("expenditure_id")
                + " of project " + earlier.get("project_id"));
    }
}
