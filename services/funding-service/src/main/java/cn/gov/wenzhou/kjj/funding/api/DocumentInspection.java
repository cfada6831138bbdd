package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.InvoiceIdentity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What an uploaded document is, decided by its bytes alone (never its name or declared type): PDF, OFD (a ZIP whose
 * root holds {@code OFD.xml}, GB/T 33190), an XML e-invoice, JPEG or PNG. An e-invoice's identity (seller and
 * number) is read from it so that the same invoice is recognised in another file.
 *
 * <p>The XML e-invoice shape (documented in docs/funding-service.md): root element {@code EInvoice} (any namespace),
 * with descendants {@code InvoiceNumber} and {@code SellerTaxID}, as in the fully digital e-invoice (数电发票). An OFD
 * invoice carries them as {@code CustomData} of its {@code OFD.xml} named {@code InvoiceNumber}/{@code 发票号码} and
 * {@code SellerTaxID}/{@code 销售方纳税人识别号}. XML is parsed with DTDs refused and no external entity or schema
 * ever fetched (XXE).
 */
public final class DocumentInspection {

    /** A decompressed {@code OFD.xml} larger than this is refused (a ZIP bomb would otherwise be read). */
    static final int MAX_OFD_XML_BYTES = 1 << 20;
    /** Entries of an OFD package read before {@code OFD.xml} must have been found. */
    static final int MAX_OFD_ENTRIES = 10_000;
    private static final Pattern INVOICE_FIELD = Pattern.compile("[0-9A-Za-z-]{1,40}");

    public enum Kind {
        PDF("application/pdf", "pdf"), OFD("application/ofd", "ofd"), XML_E_INVOICE("application/xml", "xml"),
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

        public final String mediaType;
        public final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** What the bytes are, and the invoice they carry (an e-invoice only). */
    public record Inspected(Kind kind, Optional<InvoiceIdentity> invoice) {
    }

    /** The bytes are none of the accepted kinds, or an accepted kind that is malformed; the message says which. */
    public static final class Refused extends Exception {
        private final boolean unsupportedType;

        Refused(String message, boolean unsupportedType) {
            super(message);
            this.unsupportedType = unsupportedType;
        }

        /** True when the bytes are of no accepted type ({@code 415}); false when one is malformed ({@code 400}). */
        public boolean unsupportedType() {
            return unsupportedType;
        }
    }

    private static final byte[] PDF = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private DocumentInspection() {
    }

    public static Inspected inspect(byte[] bytes) throws Refused {
        if (startsWith(bytes, PDF)) {
            return new Inspected(Kind.PDF, Optional.empty());
        }
        if (startsWith(bytes, PNG)) {
            return new Inspected(Kind.PNG, Optional.empty());
        }
        if (startsWith(bytes, JPEG)) {
            return new Inspected(Kind.JPEG, Optional.empty());
        }
        if (startsWith(bytes, ZIP)) {
            return new Inspected(Kind.OFD, ofdInvoice(bytes));
        }
        if (looksLikeXml(bytes)) {
            return new Inspected(Kind.XML_E_INVOICE, Optional.of(xmlInvoice(bytes)));
        }
        throw new Refused("is not a PDF, OFD, XML e-invoice, JPEG or PNG document (judged by its content)", true);
    }

    private static boolean looksLikeXml(byte[] bytes) {
        int i = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i + 1 < bytes.length && bytes[i] == '<' && (bytes[i + 1] == '?' || Character.isLetter(bytes[i + 1]));
    }

    private static InvoiceIdentity xmlInvoice(byte[] bytes) throws Refused {
        Element root = parse(new ByteArrayInputStream(bytes), "the XML").getDocumentElement();
        if (!"EInvoice".equals(localName(root))) {
            throw new Refused("is XML but not an e-invoice: its root element is " + localName(root)
                    + ", an e-invoice's is EInvoice", true);
        }
        String number = firstText(root, "InvoiceNumber");
        String seller = firstText(root, "SellerTaxID");
        if (number == null || seller == null) {
            throw new Refused("is an e-invoice without InvoiceNumber and SellerTaxID", false);
        }
        return identity(seller, number);
    }

    private static Optional<InvoiceIdentity> ofdInvoice(byte[] bytes) throws Refused {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_OFD_ENTRIES) {
                    break;
                }
                if ("OFD.xml".equals(entry.getName())) {
                    byte[] ofdXml = zip.readNBytes(MAX_OFD_XML_BYTES + 1);
                    if (ofdXml.length > MAX_OFD_XML_BYTES) {
                        throw new Refused("is an OFD package whose OFD.xml is larger than " + MAX_OFD_XML_BYTES
                                + " bytes", false);
                    }
                    return ofdCustomData(parse(new ByteArrayInputStream(ofdXml), "its OFD.xml"));
                }
            }
        } catch (IOException e) {
            throw new Refused("is a damaged ZIP archive", false);
        }
        throw new Refused("is a ZIP archive without OFD.xml at its root: not an OFD document", true);
    }

    private static Optional<InvoiceIdentity> ofdCustomData(Document ofd) throws Refused {
        String number = null;
        String seller = null;
        NodeList all = ofd.getElementsByTagNameNS("*", "CustomData");
        for (int i = 0; i < all.getLength(); i++) {
            Element data = (Element) all.item(i);
            String name = data.getAttribute("Name");
            String value = data.getTextContent().strip();
            if (List.of("InvoiceNumber", "发票号码").contains(name) && number == null) {
                number = value;
            } else if (List.of("SellerTaxID", "销售方纳税人识别号").contains(name) && seller == null) {
                seller = value;
            }
        }
        if (number == null && seller == null) {
            return Optional.empty();
        }
        if (number == null || seller == null) {
            throw new Refused("is an OFD invoice that names only one of its invoice number and seller", false);
        }
        return Optional.of(identity(seller, number));
    }

    private static InvoiceIdentity identity(String seller, String number) throws Refused {
        if (!INVOICE_FIELD.matcher(seller).matches() || !INVOICE_FIELD.matcher(number).matches()) {
            throw new Refused("is an e-invoice whose SellerTaxID or InvoiceNumber is not 1 to 40 letters and digits",
                    false);
        }
        return new InvoiceIdentity(seller.toUpperCase(java.util.Locale.ROOT), number);
    }

    private static Document parse(InputStream xml, String what) throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(xml);
        } catch (SAXException e) {
            throw new Refused("has " + what + " not well-formed or with a DTD (refused)", false);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser could not be set up securely", e);
        }
    }

    private static String firstText(Element root, String localName) {
        NodeList found = root.getElementsByTagNameNS("*", localName);
        if (found.getLength() == 0) {
            return null;
        }
        String text = found.item(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
