package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.Evidence;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.util.List;

/** A money request's evidence: a paper reference, stored documents by SHA-256 ({@code evidence}), or both. */
final class EvidenceInput {

    /** The hashes' format and count are checked once, where the command is decided ({@link Evidence#normalised}). */
    static final String DESCRIPTION = "stored evidence documents by SHA-256 (POST /api/documents), at most "
            + Evidence.MAX_DOCUMENTS + "; instead of or next to the paper reference";

    private EvidenceInput() {
    }

    /** Refuses a request that names neither a paper reference nor a document; gives the reference trimmed. */
    static String paperOrDocuments(String reference, List<String> evidence, String field) {
        boolean paper = reference != null && !reference.isBlank();
        if (!paper && (evidence == null || evidence.isEmpty())) {
            throw new InvalidInputException(field, "is required unless evidence names a stored document");
        }
        return paper ? reference.trim() : null;
    }
}
