package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The messages of where an enterprise (by its credit code) receives funding's notices — reminders of reports due,
 * overdue notices — as it keeps it on its record, with the history of every change. The address is personal-ish: it
 * stays in funding's event store and its mailer's table, never in an integration event, a log line or a URL.
 *
 * <p>They are decided by {@link EnterpriseRecord}, the one aggregate of an enterprise: an aggregate of its own under
 * the same credit code would share the enterprise's event stream, and could not be loaded once the bureau had
 * recorded the enterprise's tier. The records stay here, under the names the event store already holds.
 */
public final class EnterpriseContact {

    /** Sets (or changes) the enterprise's notice address. */
    public record SetEnterpriseNoticeAddress(@TargetAggregateIdentifier String creditCode, String address,
                                             String setBy, LocalDate setOn) {
    }

    public record EnterpriseNoticeAddressSet(String creditCode, String address, String setBy, LocalDate setOn) {

        /** Never shows the address (records print every component otherwise). */
        @Override
        public String toString() {
            return "EnterpriseNoticeAddressSet[" + creditCode + ", set by " + setBy + " on " + setOn + "]";
        }
    }

    private EnterpriseContact() {
    }
}
