package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;

import java.time.LocalDate;
import java.util.List;

/**
 * A platform's standings as platform-registry publishes them on {@code registry.platform.v2}, for the consumers'
 * tests, which publish by hand what the registry would: each step names the status and level the registry decided
 * (its rule is the registry's {@code PlatformStanding}; nothing here works one out).
 */
public record PublishedStandings(String platformId, String creditCode, String name) {

    public PlatformStandingChanged registered(LocalDate on) {
        return standing("REGISTERED", null, List.of(), on, "PlatformRegistered");
    }

    public PlatformStandingChanged recognized(String level, LocalDate on) {
        return standing("RECOGNIZED", level, List.of(), on, "PlatformRecognized");
    }

    public PlatformStandingChanged upgraded(String level, LocalDate on) {
        return standing("RECOGNIZED", level, List.of(), on, "PlatformUpgraded");
    }

    public PlatformStandingChanged underRectification(String level, int year, LocalDate on) {
        return standing("UNDER_RECTIFICATION", level, List.of(year), on, "RectificationIssued");
    }

    /** The last open rectification confirmed. */
    public PlatformStandingChanged rectified(String level, LocalDate on) {
        return standing("RECOGNIZED", level, List.of(), on, "RectificationConfirmed");
    }

    public PlatformStandingChanged revoked(LocalDate on) {
        return standing("REVOKED", null, List.of(), on, "RecognitionRevoked");
    }

    public PlatformStandingChanged reapplied(LocalDate on) {
        return standing("REAPPLIED", null, List.of(), on, "ReapplicationAccepted");
    }

    public PlatformStandingChanged standing(String status, String level, List<Integer> openRectifications,
                                            LocalDate on, String changedBy) {
        return new PlatformStandingChanged(platformId, creditCode, name, status, level, openRectifications, on,
                changedBy);
    }
}
