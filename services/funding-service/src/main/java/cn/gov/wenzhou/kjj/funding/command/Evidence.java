package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stored evidence documents a money command names by their SHA-256 (lower-case hex), next to or instead of a
 * paper reference. Which documents are stored and which invoices are claimed are facts about the whole store, which
 * no project aggregate holds: the aggregate asks this in its command handler, in the command's own transaction (as the
 * registry claims credit codes).
 */
public interface Evidence {

    /** Documents a single money command may name. */
    int MAX_DOCUMENTS = 10;
    Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    String NOT_STORED = "evidence.document-not-stored";
    String INVOICE_ALREADY_CLAIMED = "expenditure.invoice-already-claimed";

    /** Refuses with {@value #NOT_STORED} a document that is not stored; {@code field} names the list. */
    void requireStored(List<String> sha256s, String field);

    /**
     * Claims every document of an expenditure as its voucher: by its bytes, and by seller and invoice number when it
     * is an e-invoice. Refuses with {@value #INVOICE_ALREADY_CLAIMED}, naming the earlier claim's project and
     * expenditure, an invoice another expenditure claimed (on any project). Requires the documents stored.
     */
    void claimInvoices(String projectId, String expenditureId, List<String> sha256s, String field);

    /** The list as a command carries it: never null, each hash valid, at most {@value #MAX_DOCUMENTS}, no repeats. */
    static List<String> normalised(List<String> sha256s, String field) {
        if (sha256s == null) {
            return List.of();
        }
        if (sha256s.size() > MAX_DOCUMENTS) {
            throw new InvalidInputException(field, "names at most " + MAX_DOCUMENTS + " documents");
        }
        List<String> hashes = sha256s.stream().map(hash -> hash == null ? "" : hash.toLowerCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < hashes.size(); i++) {
            if (!SHA256.matcher(hashes.get(i)).matches()) {
                throw new InvalidInputException(field + "[" + i + "]", "must be a SHA-256 in hexadecimal (64 digits)");
            }
        }
        if (hashes.stream().distinct().count() != hashes.size()) {
            throw new InvalidInputException(field, "names a document twice");
        }
        return hashes;
    }
}
