package cn.gov.wenzhou.kjj.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * One message convention in every service (issue 13): an aggregate's commands are records nested in its
 * {@code <Aggregate>Commands} interface and its events in its {@code <Aggregate>Events} interface, each implementing
 * it — so a newcomer finds every message of an aggregate in two files, and an event-sourcing handler is typed by the
 * event it applies, never a catch-all.
 */
class MessageConventionTest {

    private static final String COMMAND_HANDLER = "org.axonframework.commandhandling.CommandHandler";
    private static final String EVENT_SOURCING_HANDLER = "org.axonframework.eventsourcing.EventSourcingHandler";

    @Test
    void everyEventAnAggregateAppliesIsARecordOfItsEventsInterface() {
        ArchRule rule = methods().that().areAnnotatedWith(EVENT_SOURCING_HANDLER)
                .should(takeAMessageNestedIn("Events"))
                .because("an aggregate's events live in its sealed <Aggregate>Events interface");
        rule.check(Reactor.mainClasses());
    }

    @Test
    void everyCommandAnAggregateOrCommandHandlerDecidesIsARecordOfACommandsInterface() {
        ArchRule rule = methods().that().areAnnotatedWith(COMMAND_HANDLER)
                .should(takeAMessageNestedIn("Commands"))
                .because("an aggregate's commands live in its sealed <Aggregate>Commands interface");
        rule.check(Reactor.mainClasses());
    }

    private static ArchCondition<JavaMethod> takeAMessageNestedIn(String suffix) {
        return new ArchCondition<>("take a record nested in a *" + suffix + " interface it implements") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawParameterTypes().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes no message"));
                    return;
                }
                JavaClass message = method.getRawParameterTypes().get(0);
                Optional<JavaClass> holder = message.getEnclosingClass();
                boolean follows = message.isRecord() && holder.isPresent() && holder.get().isInterface()
                        && holder.get().getSimpleName().endsWith(suffix)
                        && message.isAssignableTo(holder.get().getName());
                if (!follows) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes "
                            + message.getName() + ", not a record of a *" + suffix + " interface"));
                }
            }
        };
    }
}
