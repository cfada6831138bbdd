package cn.gov.wenzhou.kjj.funding.command;

/**
 * Who issued an invoice and its number: the same invoice, whatever file it arrives in (an XML and an OFD rendering of
 * one e-invoice have different bytes but one identity).
 *
 * @param sellerTaxId   the seller's taxpayer identification number (销售方纳税人识别号), usually its credit code
 * @param invoiceNumber the invoice number (发票号码); 20 digits for a fully digital e-invoice (数电发票)
 */
public record InvoiceIdentity(String sellerTaxId, String invoiceNumber) {

    private static final String BYTES = "sha256:";
    private static final String INVOICE = "invoice:";

    /** The claim of a document by its bytes. */
    static String byBytes(String sha256) {
        return BYTES + sha256;
    }

    String claimKey() {
        return INVOICE + sellerTaxId + "/" + invoiceNumber;
    }

    static String describe(String claimKey) {
        if (claimKey.startsWith(INVOICE)) {
            String[] parts = claimKey.substring(INVOICE.length()).split("/", 2);
            return "number " + parts[1] + " of seller " + parts[0];
        }
        return "with the same bytes";
    }
}
