package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.InvoiceIdentity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Evidence documents in funding's own database, content-addressed: a document's key is the SHA-256 of its bytes, so
 * the same bytes are stored once however often they are uploaded, and a stored document never changes. Every upload
 * is recorded (who, when, for which project).
 */
@Component
public class DocumentStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DocumentStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored document: its bytes and what they were found to be. */
    public record StoredDocument(String sha256, String mediaType, long sizeBytes, byte[] content,
                                 String invoiceNumber, String sellerTaxId) {
    }

    /** Stores the bytes (once) and records the upload; says whether the bytes were stored before. */
    @Transactional
    public boolean store(String sha256, DocumentInspection.Inspected inspected, byte[] content, String projectId,
                         String fileName, String uploadedBy) {
        Instant now = clock.instant();
        InvoiceIdentity invoice = inspected.invoice().orElse(null);
        int inserted = jdbc.update("""
                        insert into evidence_document (sha256, media_type, size_bytes, content, invoice_number,
                            seller_tax_id, stored_at) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (sha256) do nothing""", sha256, inspected.kind().mediaType, content.length, content,
                invoice == null ? null : invoice.invoiceNumber(), invoice == null ? null : invoice.sellerTaxId(),
                Timestamp.from(now));
        jdbc.update("insert into evidence_upload (sha256, project_id, file_name, uploaded_by, uploaded_at) "
                + "values (?, ?, ?, ?, ?)", sha256, projectId, fileName, uploadedBy, Timestamp.from(now));
        return inserted == 0;
    }

    public Optional<StoredDocument> find(String sha256) {
        return jdbc.query("select sha256, media_type, size_bytes, content, invoice_number, seller_tax_id "
                        + "from evidence_document where sha256 = ?",
                (row, n) -> new StoredDocument(row.getString("sha256"), row.getString("media_type"),
                        row.getLong("size_bytes"), row.getBytes("content"), row.getString("invoice_number"),
                        row.getString("seller_tax_id")), sha256).stream().findFirst();
    }
}
