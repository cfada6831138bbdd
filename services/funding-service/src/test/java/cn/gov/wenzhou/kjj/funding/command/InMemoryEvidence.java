package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Evidence} for fixture tests: documents stored by {@link #store}, claims kept in memory. */
final class InMemoryEvidence implements Evidence {

    private final Map<String, Optional<InvoiceIdentity>> documents = new HashMap<>();
    private final Map<String, String[]> claims = new HashMap<>();

    /** A document with these (pretend) bytes; its identity when it is an e-invoice. */
    String store(String sha256, InvoiceIdentity invoice) {
        documents.put(sha256, Optional.ofNullable(invoice));
        return sha256;
    }

    @Override
    public void requireStored(List<String> sha256s, String field) {
        for (String sha256 : sha256s) {
            if (!documents.containsKey(sha256)) {
                throw new RuleViolationException(NOT_STORED, field + " names document " + sha256 + ", not stored");
            }
        }
    }

    @Override
    public void claimInvoices(String projectId, String expenditureId, List<String> sha256s, String field) {
        requireStored(sha256s, field);
        for (String sha256 : sha256s) {
            claim(InvoiceIdentity.byBytes(sha256), projectId, expenditureId);
            Optional<InvoiceIdentity> invoice = documents.get(sha256);
            if (invoice.isPresent()) {
                claim(invoice.get().claimKey(), projectId, expenditureId);
            }
        }
    }

    private void claim(String key, String projectId, String expenditureId) {
        String[] earlier = claims.putIfAbsent(key, new String[]{projectId, expenditureId});
        if (earlier != null && !(earlier[0].equals(projectId) && earlier[1].equals(expenditureId))) {
            throw new RuleViolationException(INVOICE_ALREADY_CLAIMED, "already claimed by expenditure " + earlier[1]
                    + " of project " + earlier[0]);
        }
    }
}
