package cn.gov.wenzhou.kjj.funding.command;

public enum ProjectStatus {
    /** Awarded, contract not yet signed. */
    AWARDED,
    /** Contract signed: tranches, expenditure and checks go on. */
    ACTIVE,
    /** Suspended (暂停): nothing is paid and nothing spent until resumed. */
    SUSPENDED,
    /** Terminated (终止): nothing more is paid; recovery of funds may be ordered. */
    TERMINATED,
    /** Closed with its balance settled: nothing moves any more. */
    CLOSED
}
