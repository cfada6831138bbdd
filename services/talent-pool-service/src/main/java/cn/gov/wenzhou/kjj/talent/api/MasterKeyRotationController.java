package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.talent.command.MasterKey;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotationLedger;
import cn.gov.wenzhou.kjj.talent.command.MasterKeyRotator;
import cn.gov.wenzhou.kjj.talent.command.MasterKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/**
 * The master-key rotation, for operators (OPERATOR): they hold the deployment's secrets and restart it with the new
 * key, so they start the re-wrapping too. It reveals and changes no personal data, so it needs none of the
 * institute's rights, and the institute's staff, who read personal data, never handle the key that protects it. Key
 * ids are fingerprints, never keys. Who started a rotation and when it ended is kept in the event store.
 */
@RestController
@RequestMapping("/ops/personal-data/master-key-rotation")
@Tag(name = "Operations")
public class MasterKeyRotationController {

    /** The master keys in use and the latest rotation. */
    public record Status(
            @Schema(description = "id of TALENT_MASTER_KEY") String currentMasterKeyId,
            @Schema(description = "id of TALENT_PREVIOUS_MASTER_KEY, null when not set") String previousMasterKeyId,
            @Schema(description = "readable (not erased) data keys by the id of the master key wrapping them")
            Map<String, Long> dataKeysByMasterKey,
            @Schema(description = "true while a data key is wrapped under the previous master key: it must stay set")
            boolean previousMasterKeyNeeded,
            Rotation rotation) {
    }

    /** @param state RUNNING, COMPLETED or ABANDONED */
    public record Rotation(String rotationId, String state, String fromMasterKeyId, String toMasterKeyId,
                           int dataKeysToRewrap, int dataKeysRewrapped, long dataKeysLeft, int percent,
                           boolean workingHere, Instant startedAt, Instant updatedAt, Instant endedAt,
                           String endReason) {
    }

    private final MasterKeys keys;
    private final MasterKeyRotator rotator;
    private final MasterKeyRotationLedger ledger;

    public MasterKeyRotationController(MasterKeys keys, MasterKeyRotator rotator, MasterKeyRotationLedger ledger) {
        this.keys = keys;
        this.rotator = rotator;
        this.ledger = ledger;
    }

    @GetMapping
    @Operation(summary = "The master keys in use, the data keys under each, and the latest rotation's progress",
            description = "OPERATOR.")
    public Status status() {
        Map<String, Long> byKey = ledger.dataKeysByMasterKey();
        String previous = keys.previous().map(MasterKey::id).orElse(null);
        return new Status(keys.current().id(), previous, byKey, previous != null && byKey.containsKey(previous),
                ledger.latest().map(entry -> rotation(entry, byKey)).orElse(null));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Re-wrap every person's data key from the previous master key to the current one (OPERATOR)",
            description = "Runs in the background while the service keeps answering; reads work under either key."
                    + " Starts a rotation, or resumes the one running (after an interruption). 409"
                    + " master-key-rotation.no-previous-key unless the service was started with the new key as"
                    + " TALENT_MASTER_KEY and the old one as TALENT_PREVIOUS_MASTER_KEY. When it reads COMPLETED,"
                    + " remove TALENT_PREVIOUS_MASTER_KEY and restart: the old key is no longer needed.")
    public Status rotate() {
        rotator.startOrResume();
        return status();
    }

    private Rotation rotation(MasterKeyRotationLedger.Entry entry, Map<String, Long> byKey) {
        long left = byKey.getOrDefault(entry.fromKeyId(), 0L);
        long all = Math.max(1, (long) entry.keysRewrapped() + left);
        int percent = entry.state() == MasterKeyRotationLedger.State.COMPLETED ? 100
                : (int) Math.min(99, entry.keysRewrapped() * 100L / all);
        return new Rotation(entry.rotationId(), entry.state().name(), entry.fromKeyId(), entry.toKeyId(),
                entry.keysToRewrap(), entry.keysRewrapped(), left, percent,
                entry.state() == MasterKeyRotationLedger.State.RUNNING && rotator.isWorking(), entry.startedAt(),
                entry.updatedAt(), entry.endedAt(), entry.endReason());
    }
}
