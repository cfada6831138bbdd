package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;

/** Lets one unit of work hand a command to a second aggregate it loaded, through that aggregate's own handler. */
final class AggregateCalls {

    private AggregateCalls() {
    }

    static Object handle(Aggregate<?> aggregate, Object command) {
        try {
            return aggregate.handle(GenericCommandMessage.asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " failed", e);
        }
    }
}
