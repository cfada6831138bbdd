package cn.gov.wenzhou.kjj.registry.command;

/** What applying a schedule recorded: nothing (not due, already done, no obligation), a reminder, or a listing. */
public enum ObligationStep {
    NONE,
    REMINDED,
    LISTED
}
