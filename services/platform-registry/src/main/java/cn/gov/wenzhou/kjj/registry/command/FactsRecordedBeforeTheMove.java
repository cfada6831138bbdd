package cn.gov.wenzhou.kjj.registry.command;

import java.util.Set;

/**
 * The facts of other services a {@link Platform} recorded in its own stream, up to the release that moved them to a
 * {@link PlatformRecord} of their own: that stream is history now (nothing appends such a fact to it any more), and
 * a fact recorded there still counts once.
 */
public interface FactsRecordedBeforeTheMove {

    /** The natural keys ({@link PlatformRecord#keyOf}) of the facts in the platform's own stream. */
    Set<String> keysOf(String platformId);
}
