package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;
import java.util.List;

/**
 * The open disbursement holds of every project, by recipient: a fact about all of a recipient's projects, which no
 * single project aggregate holds. A project records its own holds here as it decides them (in its command's own
 * transaction, as {@link Evidence} claims invoices), and asks, when it pays, whether another project of its recipient
 * is on hold: the recipient-wide rule is decided in the one disbursement command, never by a caller.
 */
public interface RecipientHolds {

    /** Holds reported per refusal: a recipient with more is named by its first ones. */
    int MAX_LISTED = 10;

    record Hold(String projectId, String recipientCreditCode, String obligationId, ReportKind kind, LocalDate dueOn,
                LocalDate startedOn) {
    }

    void started(Hold hold);

    void lifted(String projectId, String obligationId);

    /** The open holds of the recipient's projects other than {@code projectId}, oldest due date first. */
    List<Hold> openElsewhere(String recipientCreditCode, String projectId);
}
