package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.Evidence;
import cn.gov.wenzhou.kjj.funding.command.InvoiceIdentity;
import cn.gov.wenzhou.kjj.funding.query.FundingQueries;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.ProjectView;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.web.ContentRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence documents: uploaded as {@code multipart/form-data} (field {@code file}), stored by the SHA-256 of their
 * bytes, named by that hash in money commands ({@code evidence}) and downloaded by finance from the audit trail.
 */
@RestController
@EnableConfigurationProperties(DocumentProperties.class)
@Tag(name = "Evidence documents", description = "Contracts, payment orders, vouchers and invoices, acceptance "
        + "reports, host-unit approvals: PDF, OFD, XML e-invoice, JPEG or PNG, judged by their bytes; stored by "
        + "SHA-256, which money commands name in `evidence`.")
public class DocumentController {

    static final String FILE = "file";

    public record StoredDocument(String sha256, String mediaType, long sizeBytes, String href,
                                 Map<String, String> invoice, boolean alreadyStored) {
    }

    private final DocumentStore store;
    private final FundingQueries queries;
    private final DocumentProperties properties;

    public DocumentController(DocumentStore store, FundingQueries queries, DocumentProperties properties) {
        this.store = store;
        this.queries = queries;
        this.properties = properties;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an evidence document (funding officer): 201 with its SHA-256",
            description = "415 names `file` when the bytes are no PDF, OFD, XML e-invoice, JPEG or PNG (the name and "
                    + "declared type are ignored); 400 for a malformed one (a DTD in XML is refused); 413 over the "
                    + "size limit. Nothing is stored then. The same bytes again: 201 with alreadyStored.")
    public ResponseEntity<StoredDocument> upload(@RequestParam(FILE) MultipartFile file) throws IOException {
        return stored(file, null);
    }

    @PostMapping(path = "/api/projects/{projectId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an evidence document for a project: a funding officer, or the project's own "
            + "enterprise (its invoices, acceptance reports)", description = "As POST /api/documents; 403 for another "
            + "organisation's project, 404 for an unknown one.")
    public ResponseEntity<StoredDocument> uploadForProject(@PathVariable String projectId,
                                                           @RequestParam(FILE) MultipartFile file) throws IOException {
        ProjectView project = queries.project(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
        CurrentActor.requireScopeFor(project.recipientCreditCode());
        return stored(file, projectId);
    }

    @GetMapping("/api/documents/{sha256}")
    @Operation(summary = "Download a stored evidence document by its SHA-256 (finance, funding officer)",
            description = "As an attachment, with the type its bytes were found to be; never rendered inline.")
    public ResponseEntity<byte[]> download(@PathVariable String sha256) {
        String hash = Evidence.normalised(List.of(sha256), "sha256").get(0);
        DocumentStore.StoredDocument document = store.find(hash)
                .orElseThrow(() -> new NotFoundException("document", hash));
        String extension = extensionOf(document.mediaType());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(document.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(hash + "." + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.content());
    }

    private ResponseEntity<StoredDocument> stored(MultipartFile file, String projectId) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(FILE, "is missing or empty");
        }
        long max = properties.maxSize().toBytes();
        if (file.getSize() > max) {
            throw new ContentRefusedException(ContentRefusedException.Reason.TOO_LARGE, FILE, "is " + file.getSize()
                    + " bytes; documents are at most " + max + " bytes");
        }
        byte[] content = file.getBytes();
        DocumentInspection.Inspected inspected;
        try {
            inspected = DocumentInspection.inspect(content);
        } catch (DocumentInspection.Refused refused) {
            throw refused.unsupportedType()
                    ? new ContentRefusedException(ContentRefusedException.Reason.UNSUPPORTED_TYPE, FILE,
                    refused.getMessage())
                    : new InvalidInputException(FILE, refused.getMessage());
        }
        String sha256 = Sha256.hex(Sha256.of(content));
        boolean before = store.store(sha256, inspected, content, projectId, fileName(file),
                CurrentActor.require().subject());
        Map<String, String> invoice = inspected.invoice().map(DocumentController::describe).orElse(null);
        String href = "/api/documents/" + sha256;
        return ResponseEntity.created(URI.create(href)).body(new StoredDocument(sha256, inspected.kind().mediaType,
                content.length, href, invoice, before));
    }

    private static Map<String, String> describe(InvoiceIdentity invoice) {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("sellerTaxId", invoice.sellerTaxId());
        described.put("invoiceNumber", invoice.invoiceNumber());
        return described;
    }

    /** The name as the uploader gave it, bounded; kept for the upload record, never used to judge the type. */
    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String extensionOf(String mediaType) {
        for (DocumentInspection.Kind kind : DocumentInspection.Kind.values()) {
            if (kind.mediaType.equals(mediaType)) {
                return kind.extension;
            }
        }
        return "bin";
    }
}
