package cn.gov.wenzhou.kjj.support.ops;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetter;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetterReplay;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetterStore;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The records this service's Kafka consumers gave up on (poison: malformed, refused, or failing in a way no retry
 * fixes; never a record that only waited for the database). List them, replay one or all once the cause is fixed
 * (idempotent: a record's {@code ce_id} is applied once), or discard one with a reason. OPERATOR only.
 */
@RestController
@RequestMapping("/ops/dead-letters")
@Validated
@Tag(name = "Operations", description = "Kafka dead letters: list, replay, discard. OPERATOR only.")
public class DeadLetterController {

    private static final int MAX_LIMIT = 1000;

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterStore store, DeadLetterReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    /** Why a dead letter is put aside for good. */
    public record Discard(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "Dead letters, newest first; status PENDING, REPLAYED or DISCARDED (default: all)")
    public List<DeadLetter> list(@RequestParam(required = false) String status,
                                 @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return store.list(status == null ? null : status(status), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter with the record's data")
    public DeadLetter get(@PathVariable long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("dead letter", String.valueOf(id)));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Give the record to its listener again; REPLAYED once applied (a second replay changes "
            + "nothing); 409 dead-letter.replay-failed if it still cannot be applied")
    public DeadLetter replay(@PathVariable long id) {
        String operator = operator();
        return found(id, asTheService(() -> replay.replay(id, operator)));
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay every PENDING dead letter in the order its records were read; each one's outcome")
    public List<DeadLetterReplay.Outcome> replayAll() {
        String operator = operator();
        return asTheService(() -> replay.replayAll(operator));
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Put a PENDING dead letter aside for good (a forged record, say), with the reason")
    public DeadLetter discard(@PathVariable long id, @RequestBody @Validated Discard discard) {
        String operator = operator();
        return found(id, refusalsAsRules(() -> replay.discard(id, operator, discard.reason())));
    }

    /**
     * The record goes to its listener as the container would give it: as the service itself, so the commands of its
     * effect are the system's, not the operator's (who replayed it is kept with the dead letter).
     */
    private static <T> T asTheService(Supplier<T> work) {
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return refusalsAsRules(work);
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    private static <T> T refusalsAsRules(Supplier<T> work) {
        try {
            return work.get();
        } catch (DeadLetterReplay.Refused refused) {
            throw new RuleViolationException(refused.rule(), refused.getMessage());
        }
    }

    private static DeadLetter found(long id, Optional<DeadLetter> letter) {
        return letter.orElseThrow(() -> new NotFoundException("dead letter", String.valueOf(id)));
    }

    private static DeadLetter.Status status(String status) {
        try {
            return DeadLetter.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be PENDING, REPLAYED or DISCARDED");
        }
    }

    private static String operator() {
        return CurrentActor.require().subject();
    }
}
