package cn.gov.wenzhou.kjj.funding.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's one writer in this instance: a thread that runs {@link MoneyLedger#chainCommitted()} when a money
 * transaction has committed ({@link #wake()}, from {@link LedgerOrder}) and, as a safety net, every {@link #POLL} (money
 * events of another instance, events stored before the ledger existed, a round that failed). Several instances may
 * each run one: the head's row lock puts their rounds one after the other, and each chains only what follows the head.
 */
@Component
public class LedgerChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerChainer.class);

    /** The longest an event waits for a round when no commit wakes the chainer. */
    static final Duration POLL = Duration.ofSeconds(1);
    /**
     * The pause after a round: the money events committed meanwhile are chained together by the next one (fewer,
     * larger chaining transactions under load; part of the lag a proof may see after a command).
     */
    static final Duration ROUND_PAUSE = Duration.ofMillis(100);

    /** How long the chain may be held back by a transaction in progress before the chainer warns (once). */
    static final Duration HELD_BACK_WARNING = Duration.ofSeconds(30);

    private final MoneyLedger ledger;
    private final Semaphore due = new Semaphore(0);
    private final AtomicLong attempts = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;

    public LedgerChainer(MoneyLedger ledger) {
        this.ledger = ledger;
    }

    /** How many chaining rounds this chainer has finished, whether or not they got through. */
    public long attempts() {
        return attempts.get();
    }

    /** A money transaction committed: chain it soon. */
    public void wake() {
        if (due.availablePermits() == 0) {
            due.release();
        }
    }

    @Override
    public void start() {
        running = true;
        Thread chainer = new Thread(this::run, "money-ledger-chainer");
        chainer.setDaemon(true);
        thread = chainer;
        chainer.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread chainer = thread;
        if (chainer != null) {
            chainer.interrupt();
            try {
                chainer.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        boolean first = true;
        while (running) {
            try {
                if (!first) {
                    due.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    due.drainPermits();
                }
                long chained = round();
                if (first && chained > 0) {
                    log.info("money ledger: chained {} money events stored while no chainer ran", chained);
                }
                first = false;
                Thread.sleep(ROUND_PAUSE.toMillis());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /**
     * Chains until a round got through (the money transactions it listed ended in time); an error is
     * logged and the next poll tries again. A chain held back for long by a transaction in progress is logged too:
     * commands go on, but proofs of their events wait.
     */
    private long round() throws InterruptedException {
        long heldBackSince = 0;
        boolean warned = false;
        while (running) {
            try {
                OptionalLong chained;
                try {
                    chained = ledger.chainCommitted();
                } finally {
                    attempts.incrementAndGet();
                }
                if (chained.isPresent()) {
                    if (heldBackSince != 0) {
                        log.info("money ledger: chaining again after {} s", (System.nanoTime() - heldBackSince) / 1e9);
                    }
                    return chained.getAsLong();
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("money ledger: chaining failed, retried at the next poll", e);
                }
                return 0;
            }
            long now = System.nanoTime();
            if (heldBackSince == 0) {
                heldBackSince = now;
            } else if (!warned && now - heldBackSince > HELD_BACK_WARNING.toNanos()) {
                warned = true;
                log.warn("money ledger: a money transaction in progress has held the chain back for over {} s "
                        + "(pg_locks: advisory lock {}/{}); other money commands go on, their entries wait",
                        HELD_BACK_WARNING.toSeconds(), MoneyLedger.MARK_CLASS, MoneyLedger.MARK_OBJECT);
            }
            Thread.sleep(ROUND_PAUSE.toMillis()); // look again, from a new bound and list
        }
        return 0;
    }
}
