package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Where a platform stands, as the registry decides it: status, level, the years whose rectification is open, and the
 * business date and event of the last change. The one place of that rule. The {@link Platform} aggregate folds its
 * events through it (so it is the aggregate that sets {@code UNDER_RECTIFICATION}), and so do the publisher of
 * {@code registry.platform.v2}, the summary projection and the as-of history: all of them read it from the events
 * already in the store, never from a new event of their own.
 *
 * <p>Why a value folded from the existing events, not a new "standing changed" domain event: event stores written
 * before this rule existed hold no such event, yet a publisher replaying them from the start must still emit the
 * standing after every historical change, and a projection rebuilt from them must show what the aggregate decided.
 * Folding the same events through the same transitions gives every reader the aggregate's answer for any history.
 *
 * @param name               the registered name (an organisation's), for consumers that show it
 * @param level              the level of the current recognition; null unless recognized
 * @param openRectifications years whose rectification notice is not yet confirmed, ascending
 * @param changedOn          business date of the last change
 * @param changedBy          simple name of the registry event that made the last change (e.g. RectificationIssued)
 */
public record PlatformStanding(String platformId, String creditCode, String name, PlatformStatus status, Level level,
                               List<Integer> openRectifications, LocalDate changedOn, String changedBy) {

    public PlatformStanding {
        openRectifications = List.copyOf(new TreeSet<>(openRectifications));
    }

    /** The events that change a standing, each with its transition; every other event leaves the standing as it was. */
    private static final Map<Class<?>, Transition<?>> TRANSITIONS = Map.of(
            PlatformRecognized.class, new Transition<>(PlatformRecognized.class, PlatformStanding::after),
            PlatformReRecognized.class, new Transition<>(PlatformReRecognized.class, PlatformStanding::after),
            PlatformUpgraded.class, new Transition<>(PlatformUpgraded.class, PlatformStanding::after),
            RectificationIssued.class, new Transition<>(RectificationIssued.class, PlatformStanding::after),
            RectificationConfirmed.class, new Transition<>(RectificationConfirmed.class, PlatformStanding::after),
            RecognitionRevoked.class, new Transition<>(RecognitionRevoked.class, PlatformStanding::after),
            ReapplicationAccepted.class, new Transition<>(ReapplicationAccepted.class, PlatformStanding::after));

    /**
     * The standing after {@code event}, for readers that fold a platform's whole stream: a registration starts it, an
     * event with a transition moves it, any other event (reports, evaluations, recorded facts) leaves it.
     */
    public static PlatformStanding fold(PlatformStanding before, Object event) {
        if (event instanceof PlatformRegistered registered) {
            return registered(registered);
        }
        Transition<?> transition = TRANSITIONS.get(event.getClass());
        return transition == null || before == null ? before : transition.applyTo(before, event);
    }

    public static PlatformStanding registered(PlatformRegistered event) {
        return new PlatformStanding(event.platformId(), event.creditCode(), event.name(), PlatformStatus.REGISTERED,
                null, List.of(), event.registeredOn(), "PlatformRegistered");
    }

    public PlatformStanding after(PlatformRecognized event) {
        return changed(PlatformStatus.RECOGNIZED, event.level(), List.of(), event.recognizedOn(), event);
    }

    public PlatformStanding after(PlatformReRecognized event) {
        return changed(PlatformStatus.RECOGNIZED, event.level(), List.of(), event.recognizedOn(), event);
    }

    /** An upgrade is refused while a rectification is open, so it moves the level only. */
    public PlatformStanding after(PlatformUpgraded event) {
        return changed(status, event.toLevel(), openRectifications, event.upgradedOn(), event);
    }

    /** A recognized platform with a rectification notice open is under rectification (整改中), still recognized. */
    public PlatformStanding after(RectificationIssued event) {
        TreeSet<Integer> open = new TreeSet<>(openRectifications);
        open.add(event.year());
        return changed(status.isRecognized() ? PlatformStatus.UNDER_RECTIFICATION : status, level,
                List.copyOf(open), event.issuedOn(), event);
    }

    /** The last open rectification confirmed, the platform is simply recognized again. */
    public PlatformStanding after(RectificationConfirmed event) {
        TreeSet<Integer> open = new TreeSet<>(openRectifications);
        open.remove(event.year());
        PlatformStatus next = status == PlatformStatus.UNDER_RECTIFICATION && open.isEmpty()
                ? PlatformStatus.RECOGNIZED : status;
        return changed(next, level, List.copyOf(open), event.confirmedOn(), event);
    }

    /** Revocation ends the recognition: no level, and its rectifications are moot. */
    public PlatformStanding after(RecognitionRevoked event) {
        return changed(PlatformStatus.REVOKED, null, List.of(), event.revokedOn(), event);
    }

    public PlatformStanding after(ReapplicationAccepted event) {
        return changed(PlatformStatus.REAPPLIED, null, List.of(), event.appliedOn(), event);
    }

    private PlatformStanding changed(PlatformStatus newStatus, Level newLevel, List<Integer> open, LocalDate on,
                                     Object event) {
        return new PlatformStanding(platformId, creditCode, name, newStatus, newLevel, open, on,
                event.getClass().getSimpleName());
    }

    private record Transition<E>(Class<E> type, BiFunction<PlatformStanding, E, PlatformStanding> apply) {
        PlatformStanding applyTo(PlatformStanding before, Object event) {
            return apply.apply(before, type.cast(event));
        }
    }
}
