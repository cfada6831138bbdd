package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits, retrying when its events lost a race for the same aggregate sequence (another instance,
 * or a stale cached pool, appended first). Each attempt reloads the aggregate, so a loser is then refused for the real
 * reason (a full quota, a changed state) instead of for the race. Business refusals are never retried.
 */
@Component
public class RetryingCommands {

    private static final Logger log = LoggerFactory.getLogger(RetryingCommands.class);

    private final CommandGateway gateway;
    private final int attempts;

    public RetryingCommands(CommandGateway gateway, @Value("${stb.talent.command-attempts:5}") int attempts) {
        this.gateway = gateway;
        this.attempts = Math.max(1, attempts);
    }

    public <R> R send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (RuntimeException e) {
                if (!isConcurrencyConflict(e) || attempt >= attempts) {
                    throw e;
                }
                // the command's class only: commands can carry personal data
                log.info("{} lost a concurrent append; retrying ({}/{})", command.getClass().getSimpleName(),
                        attempt, attempts);
            }
        }
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
