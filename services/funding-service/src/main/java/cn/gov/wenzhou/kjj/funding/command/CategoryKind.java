package cn.gov.wenzhou.kjj.funding.command;

/** How a budget category counts for the indirect-cost cap and the adjustment rules. */
public enum CategoryKind {
    /** Equipment (设备费): direct, but excluded from the indirect-cost base; changing it needs the host's approval. */
    EQUIPMENT,
    /** Other direct costs (业务费, 劳务费, ...): moved between each other at the project's own decision. */
    DIRECT,
    /** Indirect costs (间接费用): capped, and never increased. */
    INDIRECT
}
