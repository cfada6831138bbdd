package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.AbandonMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.CompleteMasterKeyRotation;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationCommands.StartMasterKeyRotation;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Rotates the master key online: every person's data key is re-wrapped from {@code TALENT_PREVIOUS_MASTER_KEY} to
 * {@code TALENT_MASTER_KEY} in batches on a background thread, while the service keeps answering (a read opens a data
 * key with whichever master key wraps it). Resumable: each batch commits on its own, a restart with the same two
 * keys resumes a running rotation by itself, and starting it again resumes it too. Two instances may run it at once:
 * a batch locks its rows, and the other skips what was re-wrapped.
 */
@Component
public class MasterKeyRotator {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotator.class);

    private final MasterKeys keys;
    private final MasterKeyRotationLedger ledger;
    private final DataKeyRewrapper rewrapper;
    private final RetryingCommands commands;
    private final PersonalDataProperties.Rotation settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "master-key-rotation");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> running;

    public MasterKeyRotator(MasterKeys keys, MasterKeyRotationLedger ledger, DataKeyRewrapper rewrapper,
                            RetryingCommands commands, PersonalDataProperties properties) {
        this.keys = keys;
        this.ledger = ledger;
        this.rewrapper = rewrapper;
        this.commands = commands;
        this.settings = properties.rotation();
    }

    /**
     * Starts a rotation from the previous master key to the current one, or resumes the one running.
     *
     * @return the rotation's id
     * @throws RuleViolationException {@code master-key-rotation.no-previous-key} when the service holds one key only
     */
    public synchronized String startOrResume() {
        MasterKey from = keys.previous().orElseThrow(() -> new RuleViolationException(
                "master-key-rotation.no-previous-key", "the service holds one master key: to rotate, restart it with"
                + " the new key as " + MasterKeys.CURRENT_VARIABLE + " and the old one as "
                + MasterKeys.PREVIOUS_VARIABLE));
        Optional<MasterKeyRotationLedger.Entry> current = ledger.running();
        String rotationId;
        if (current.isPresent()) {
            requireSameKeys(current.get());
            rotationId = current.get().rotationId();
        } else {
            rotationId = UUID.randomUUID().toString();
            try {
                commands.send(new StartMasterKeyRotation(rotationId, from.id(), keys.current().id(),
                        ledger.dataKeysUnder(from.id())));
                log.info("master-key rotation {} started: data keys from master key {} to {}", rotationId, from.id(),
                        keys.current().id());
            } catch (RuleViolationException startedElsewhere) {
                // another instance started one in the meantime: join it
                MasterKeyRotationLedger.Entry other = ledger.running().orElseThrow(() -> startedElsewhere);
                requireSameKeys(other);
                rotationId = other.rotationId();
            }
        }
        work(rotationId, from);
        return rotationId;
    }

    /** A rotation that was running when the service stopped resumes by itself, if the service has its keys. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void resumeAfterRestart() {
        ledger.running().ifPresent(entry -> {
            boolean sameKeys = keys.previous().map(previous -> previous.id().equals(entry.fromKeyId())).orElse(false)
                    && keys.current().id().equals(entry.toKeyId());
            if (sameKeys) {
                log.info("master-key rotation {} was interrupted: resuming", entry.rotationId());
                work(entry.rotationId(), keys.previous().orElseThrow());
            } else if (ledger.dataKeysUnder(entry.fromKeyId()) == 0) {
                finish(entry.rotationId());
            } else {
                // the start-up check let us start, so every remaining key is under a key we hold: a new rotation
                // (between the keys now configured) takes over
                commands.send(new AbandonMasterKeyRotation(entry.rotationId(), currentRewrapped(entry.rotationId()),
                        "the service was restarted with other master keys"));
                log.warn("master-key rotation {} abandoned: the service was restarted with other master keys",
                        entry.rotationId());
            }
        });
        keys.previous().ifPresent(previous -> {
            int left = ledger.dataKeysUnder(previous.id());
            if (left > 0 && ledger.running().isEmpty()) {
                log.info("{} data keys are still wrapped under the previous master key {}: POST"
                        + " /ops/personal-data/master-key-rotation to re-wrap them", left, previous.id());
            }
        });
    }

    public synchronized boolean isWorking() {
        return running != null && !running.isDone();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("master-key rotation did not stop within 10 s; it resumes on the next start");
        }
    }

    private void requireSameKeys(MasterKeyRotationLedger.Entry entry) {
        String from = keys.previous().map(MasterKey::id).orElse(null);
        if (!entry.fromKeyId().equals(from) || !entry.toKeyId().equals(keys.current().id())) {
            throw new RuleViolationException("master-key-rotation.other-keys", "rotation " + entry.rotationId()
                    + " from master key " + entry.fromKeyId() + " to " + entry.toKeyId() + " is running, and this"
                    + " instance holds other keys");
        }
    }

    private void work(String rotationId, MasterKey from) {
        if (isWorking()) {
            return;
        }
        MasterKey to = keys.current();
        running = worker.submit(() -> {
            try {
                while (rewrapper.rewrapBatch(rotationId, from, to, settings.batchSize()) > 0) {
                    log.info("master-key rotation {}: {} data keys re-wrapped, {} left", rotationId,
                            currentRewrapped(rotationId), ledger.dataKeysUnder(from.id()));
                    if (!settings.pauseBetweenBatches().isZero()) {
                        Thread.sleep(settings.pauseBetweenBatches().toMillis());
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                }
                finish(rotationId);
            } catch (InterruptedException e) {
                log.info("master-key rotation {} stopped with the service; it resumes on the next start", rotationId);
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || worker.isShutdown()) {
                    log.info("master-key rotation {} stopped with the service; it resumes on the next start",
                            rotationId);
                } else {
                    // the exception's class only: a message could quote data
                    log.error("master-key rotation {} stopped by {}; start it again to resume", rotationId,
                            e.getClass().getName());
                }
            }
        });
    }

    private void finish(String rotationId) {
        try {
            commands.send(new CompleteMasterKeyRotation(rotationId, currentRewrapped(rotationId)));
            log.info("master-key rotation {} completed: the previous master key is no longer needed", rotationId);
        } catch (RuleViolationException endedElsewhere) {
            log.info("master-key rotation {} was completed by another instance", rotationId);
        }
    }

    private int currentRewrapped(String rotationId) {
        return ledger.find(rotationId).map(MasterKeyRotationLedger.Entry::keysRewrapped).orElse(0);
    }
}
