package cn.gov.wenzhou.kjj.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request a scenario sent and the answer it got, in the order they completed, so that the end state can be
 * checked against what was answered (Jepsen-style: the history is the evidence, not the scenario's own counters).
 */
final class History {

    /** One request and its answer; {@code key} names what it was about (the entity, the year, the operation). */
    record Entry(String operation, String key, long startedNanos, Http.Answer answer) {
    }

    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    Http.Answer record(String operation, String key, java.util.function.Supplier<Http.Answer> exchange) {
        long started = System.nanoTime();
        Http.Answer answer = exchange.get();
        entries.add(new Entry(operation, key, started, answer));
        return answer;
    }

    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    long count(Predicate<Entry> which) {
        return entries().stream().filter(which).count();
    }

    long sent() {
        return entries().size();
    }

    long answered() {
        return count(e -> e.answer().answered());
    }

    /** Answered with a refusal (a rule, bad input, identity, a dependency away): nothing was done. */
    long refused() {
        return count(e -> e.answer().status() >= 400);
    }

    long longestAnswerMillis() {
        return entries().stream().mapToLong(e -> e.answer().millis()).max().orElse(0);
    }
}
