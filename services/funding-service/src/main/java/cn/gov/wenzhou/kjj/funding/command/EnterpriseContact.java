package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.mail.MailAddresses;
import cn.gov.wenzhou.kjj.mail.OutgoingMail;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Where an enterprise (by its credit code) receives funding's notices — reminders of reports due, overdue notices —
 * as it keeps it on its record, with the history of every change. The address is personal-ish: it stays in funding's
 * event store and its mailer's table, never in an integration event, a log line or a URL.
 */
@Aggregate
public class EnterpriseContact {

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

    @AggregateIdentifier
    private String creditCode;
    private String address;

    protected EnterpriseContact() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetEnterpriseNoticeAddress command) {
        if (command.address() == null || !MailAddresses.isValid(command.address().trim())) {
            throw new InvalidInputException("address", "must be an e-mail address (at most "
                    + OutgoingMail.MAX_ADDRESS + " characters)");
        }
        String normalised = MailAddresses.normalise(command.address());
        if (normalised.equals(address)) {
            throw new RuleViolationException("notice-address.unchanged", "the enterprise already keeps this address");
        }
        apply(new EnterpriseNoticeAddressSet(command.creditCode(), normalised, command.setBy(), command.setOn()));
    }

    @EventSourcingHandler
    void on(EnterpriseNoticeAddressSet event) {
        creditCode = event.creditCode();
        address = event.address();
    }
}
