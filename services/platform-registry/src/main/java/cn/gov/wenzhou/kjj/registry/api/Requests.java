package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.Platform;
import cn.gov.wenzhou.kjj.support.domain.Bounds;

/** Request bodies live in their own files; this holds the limits they share (the system-wide ones: {@link Bounds}). */
final class Requests {

    static final int MIN_YEAR = Bounds.MIN_YEAR;
    static final int MAX_YEAR = Bounds.MAX_YEAR;
    static final int MAX_HOSTS = Platform.MAX_HOSTS;
    static final int MAX_HOST_NAME = Platform.MAX_HOST_NAME;

    private Requests() {
    }
}
