package cn.gov.wenzhou.kjj.registry.command;

/** A platform's part in a funded project: the recipient that leads it, or a partner of a joint bid. */
public enum ProjectRole {
    LEAD,
    PARTNER
}
