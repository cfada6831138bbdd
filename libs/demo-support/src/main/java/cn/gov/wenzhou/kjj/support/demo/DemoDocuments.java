package cn.gov.wenzhou.kjj.support.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small, well-formed evidence documents made from a few facts, for the demo's payments and expenditures (and the
 * tests): a one-page PDF, a fully digital e-invoice as XML in the documented shape, and the same invoice as an OFD
 * package. Deterministic: the same facts give the same bytes, so a reloaded demo stores nothing twice.
 */
public final class DemoDocuments {

    /** Every entry's time in an OFD package: fixed, so that the bytes depend on the facts alone. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2025, 1, 1, 0, 0);

    private DemoDocuments() {
    }

    /** A one-page PDF 1.4 whose page shows {@code text} (ASCII; anything else is replaced). */
    public static byte[] pdf(String text) {
        String shown = text.replaceAll("[^ -~]", "?").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 12 Tf 72 720 Td (" + shown + ") Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A fully digital e-invoice (数电发票) in the XML shape funding-service reads (docs/funding-service.md). */
    public static byte[] xmlInvoice(String sellerTaxId, String invoiceNumber, String buyerTaxId, long amountFen) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <EInvoice>
                  <Header><InvoiceNumber>%s</InvoiceNumber><IssueDate>2025-06-01</IssueDate></Header>
                  <Seller><SellerTaxID>%s</SellerTaxID></Seller>
                  <Buyer><BuyerTaxID>%s</BuyerTaxID></Buyer>
                  <TotalAmount>%d.%02d</TotalAmount>
                </EInvoice>
                """.formatted(invoiceNumber, sellerTaxId, buyerTaxId, amountFen / 100, amountFen % 100))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same invoice as an OFD package (GB/T 33190): {@code OFD.xml} names it in its custom data. */
    public static byte[] ofdInvoice(String sellerTaxId, String invoiceNumber) {
        String ofdXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD">
                  <ofd:DocBody>
                    <ofd:DocInfo>
                      <ofd:DocID>%s</ofd:DocID>
                      <ofd:CustomDatas>
                        <ofd:CustomData Name="发票号码">%s</ofd:CustomData>
                        <ofd:CustomData Name="销售方纳税人识别号">%s</ofd:CustomData>
                      </ofd:CustomDatas>
                    </ofd:DocInfo>
                    <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
                  </ofd:DocBody>
                </ofd:OFD>
                """.formatted(invoiceNumber, invoiceNumber, sellerTaxId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("OFD.xml");
            entry.setTimeLocal(FIXED);
            zip.putNextEntry(entry);
            zip.write(ofdXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            ZipEntry document = new ZipEntry("Doc_0/Document.xml");
            document.setTimeLocal(FIXED);
            zip.putNextEntry(document);
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
