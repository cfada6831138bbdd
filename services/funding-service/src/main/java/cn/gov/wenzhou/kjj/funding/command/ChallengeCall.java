package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A yearly open-competition call (揭榜挂帅): demands, the published list, applications, review, awards. */
@Aggregate
public class ChallengeCall {

    @AggregateIdentifier
    private String callId;

    protected ChallengeCall() {
    }

    @CommandHandler
    public ChallengeCall(OpenChallengeCall command) {
        apply(new ChallengeCallOpened(command.callId(), command.year(), command.title(), command.openedOn()));
    }

    @EventSourcingHandler
    void on(ChallengeCallOpened event) {
        callId = event.callId();
    }
}
