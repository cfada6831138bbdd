package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.RecordEnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordEvents.EnterpriseTierRecorded;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordEvents.EnterpriseNoticeAddressSet;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.SetEnterpriseNoticeAddress;
import cn.gov.wenzhou.kjj.mail.MailAddresses;
import cn.gov.wenzhou.kjj.mail.OutgoingMail;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of one enterprise (by its credit code), the one aggregate of its event stream: its tier for the special
 * fund as the bureau records it, and the address it keeps for funding's notices, each
 * with the history of every change. An enterprise without a tier is {@link EnterpriseTier#OTHER}.
 */
@Aggregate
public class EnterpriseRecord {

    @AggregateIdentifier
    private String creditCode;
    private EnterpriseTier tier;
    private String noticeAddress;

    protected EnterpriseRecord() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordEnterpriseTier command) {
        if (command.tier() == null) {
            throw new InvalidInputException("tier", "is required");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the enterprise has this tier");
        }
        if (command.tier() == tier) {
            throw new RuleViolationException("enterprise-tier.unchanged",
                    "the enterprise is already recorded as " + tier);
        }
        apply(new EnterpriseTierRecorded(command.creditCode(), command.tier(), tier, command.reason().trim(),
                command.documentRef(), command.recordedOn()));
    }

    /** Sets (or changes) where the enterprise receives funding's notices. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetEnterpriseNoticeAddress command) {
        if (command.address() == null || !MailAddresses.isValid(command.address().trim())) {
            throw new InvalidInputException("address", "must be an e-mail address (at most "
                    + OutgoingMail.MAX_ADDRESS + " characters)");
        }
        String normalised = MailAddresses.normalise(command.address());
        if (normalised.equals(noticeAddress)) {
            throw new RuleViolationException("notice-address.unchanged", "the enterprise already keeps this address");
        }
        apply(new EnterpriseNoticeAddressSet(command.creditCode(), normalised, command.setBy(), command.setOn()));
    }

    /** The tier decisions read (see {@link EnterpriseTiers}). */
    EnterpriseTier tier() {
        return tier;
    }

    @EventSourcingHandler
    void on(EnterpriseTierRecorded event) {
        creditCode = event.creditCode();
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(EnterpriseNoticeAddressSet event) {
        creditCode = event.creditCode();
        noticeAddress = event.address();
    }
}
