package cn.gov.wenzhou.kjj.support.web;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

/**
 * A request part whose content is refused for its size or its kind rather than its value (an upload too large, a file
 * of no accepted type): answered like any invalid input, naming the field, with {@code 413} or {@code 415}.
 */
public class ContentRefusedException extends InvalidInputException {

    /** Why the content is refused, with the status and problem type it is answered with. */
    public enum Reason {
        TOO_LARGE(413, "too-large", "Request too large"),
        UNSUPPORTED_TYPE(415, "unsupported-document", "Unsupported content");

        final int status;
        final String problemType;
        final String title;

        Reason(int status, String problemType, String title) {
            this.status = status;
            this.problemType = problemType;
            this.title = title;
        }
    }

    private final Reason reason;

    public ContentRefusedException(Reason reason, String field, String message) {
        super(field, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
