package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What the bureau (and the enterprise itself) ask of an enterprise's record ({@link EnterpriseRecord}). */
public sealed interface EnterpriseRecordCommands {

    /**
     * The bureau records what an enterprise is for the special fund: a leading (龙头骨干) or chain-leader (链主)
     * enterprise, or neither. Only a funding officer records it, with the reason and the document it rests on; a
     * demand and the priority rule take the tier from this record, never from what an applicant says of itself.
     */
    public record RecordEnterpriseTier(@TargetAggregateIdentifier String creditCode, EnterpriseTier tier,
                                       String reason, String documentRef, LocalDate recordedOn)
            implements EnterpriseRecordCommands {
    }

    /**
     * Sets (or changes) where the enterprise receives funding's notices — reminders of reports due, overdue notices.
     * The address is personal-ish: it stays in funding's event store and its mailer's table, never in an integration
     * event, a log line or a URL.
     */
    public record SetEnterpriseNoticeAddress(@TargetAggregateIdentifier String creditCode, String address,
                                             String setBy, LocalDate setOn) implements EnterpriseRecordCommands {
    }
}
