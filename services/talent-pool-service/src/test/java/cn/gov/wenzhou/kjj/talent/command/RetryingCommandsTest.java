package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingCommandsTest {

    @Test
    void aLostConcurrentAppendIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        RetryingCommands commands = new RetryingCommands(gateway(attempt -> {
            if (attempt < 3) {
                throw new ConcurrencyException("sequence taken");
            }
            return "done";
        }, calls), 5);

        assertThat((String) commands.send("command")).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aBusinessRefusalIsNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        RetryingCommands commands = new RetryingCommands(gateway(attempt -> {
            throw new RuleViolationException("pool.quota-exhausted", "full");
        }, calls), 5);

        assertThatThrownBy(() -> commands.send("command")).isInstanceOf(RuleViolationException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retriesAreBounded() {
        AtomicInteger calls = new AtomicInteger();
        RetryingCommands commands = new RetryingCommands(gateway(attempt -> {
            throw new ConcurrencyException("sequence taken");
        }, calls), 3);

        assertThatThrownBy(() -> commands.send("command")).isInstanceOf(ConcurrencyException.class);
        assertThat(calls).hasValue(3);
    }

    private static CommandGateway gateway(IntFunction<Object> answer, AtomicInteger calls) {
        return (CommandGateway) Proxy.newProxyInstance(CommandGateway.class.getClassLoader(),
                new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendAndWait") && args.length == 1) {
                        return answer.apply(calls.incrementAndGet());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
