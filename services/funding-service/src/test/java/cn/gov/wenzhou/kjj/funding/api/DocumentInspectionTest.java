package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.InvoiceIdentity;
import cn.gov.wenzhou.kjj.support.demo.DemoDocuments;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document's type comes from its bytes; an e-invoice's identity from its content; XML never reaches outside. */
class DocumentInspectionTest {

    private static final InvoiceIdentity INVOICE = new InvoiceIdentity("91330300MA2H7K8L0G", "25332000000012345678");

    @Test
    void pdfPngAndJpegAreKnownByTheirMagicNumbers() throws Exception {
        assertThat(DocumentInspection.inspect(DemoDocuments.pdf("payment order")).kind())
                .isEqualTo(DocumentInspection.Kind.PDF);
        assertThat(DocumentInspection.inspect(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0})
                .kind()).isEqualTo(DocumentInspection.Kind.PNG);
        assertThat(DocumentInspection.inspect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})
                .kind()).isEqualTo(DocumentInspection.Kind.JPEG);
    }

    @Test
    void anXmlEInvoiceIsReadForItsSellerAndNumber() throws Exception {
        DocumentInspection.Inspected inspected = DocumentInspection.inspect(DemoDocuments.xmlInvoice(
                INVOICE.sellerTaxId(), INVOICE.invoiceNumber(), "91330300MA2H7K8L1E", 123_456L));
        assertThat(inspected.kind()).isEqualTo(DocumentInspection.Kind.XML_E_INVOICE);
        assertThat(inspected.invoice()).contains(INVOICE);
    }

    @Test
    void anOfdInvoiceIsAZipWithOfdXmlAndTheSameIdentityAsItsXmlRendering() throws Exception {
        DocumentInspection.Inspected inspected = DocumentInspection.inspect(
                DemoDocuments.ofdInvoice(INVOICE.sellerTaxId(), INVOICE.invoiceNumber()));
        assertThat(inspected.kind()).isEqualTo(DocumentInspection.Kind.OFD);
        assertThat(inspected.invoice()).contains(INVOICE);
    }

    @Test
    void aZipWithoutOfdXmlIsNoAcceptedType() {
        assertThatThrownBy(() -> DocumentInspection.inspect(zip("word/document.xml", "<w/>")))
                .isInstanceOfSatisfying(DocumentInspection.Refused.class, e -> assertThat(e.unsupportedType()).isTrue());
    }

    @Test
    void anOfdWithoutInvoiceDataIsStoredAsADocumentWithoutIdentity() throws Exception {
        DocumentInspection.Inspected inspected = DocumentInspection.inspect(zip("OFD.xml",
                "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody/></ofd:OFD>"));
        assertThat(inspected.kind()).isEqualTo(DocumentInspection.Kind.OFD);
        assertThat(inspected.invoice()).isEqualTo(Optional.empty());
    }

    @Test
    void textExecutablesAndOtherXmlAreRefusedWhateverTheyAreCalled() {
        for (byte[] bytes : new byte[][]{"just text".getBytes(StandardCharsets.UTF_8), {'M', 'Z', (byte) 0x90, 0},
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                {}}) {
            assertThatThrownBy(() -> DocumentInspection.inspect(bytes))
                    .isInstanceOfSatisfying(DocumentInspection.Refused.class,
                            e -> assertThat(e.unsupportedType()).isTrue());
        }
    }

    @Test
    void anXmlInvoiceWithADoctypeIsRefusedAndItsExternalEntityNeverRead() throws IOException {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("xxe", ".txt");
        java.nio.file.Files.writeString(secret, "SECRET-VALUE");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE EInvoice [<!ENTITY leak SYSTEM "%s">]>
                <EInvoice><InvoiceNumber>&leak;</InvoiceNumber><SellerTaxID>91330300MA2H7K8L0G</SellerTaxID></EInvoice>
                """.formatted(secret.toUri());
        assertThatThrownBy(() -> DocumentInspection.inspect(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DocumentInspection.Refused.class, e -> {
                    assertThat(e.unsupportedType()).isFalse();
                    assertThat(e.getMessage()).contains("DTD").doesNotContain("SECRET-VALUE");
                });
    }

    @Test
    void anEInvoiceWithoutItsNumberIsMalformed() {
        byte[] bytes = "<EInvoice><SellerTaxID>91330300MA2H7K8L0G</SellerTaxID></EInvoice>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentInspection.inspect(bytes))
                .isInstanceOfSatisfying(DocumentInspection.Refused.class, e -> assertThat(e.unsupportedType()).isFalse());
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
