package cn.gov.wenzhou.kjj.registry.api;

/** Request bodies live in their own files; this holds the limits they share. */
final class Requests {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private Requests() {
    }
}
