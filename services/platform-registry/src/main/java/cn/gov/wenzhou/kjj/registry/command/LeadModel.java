package cn.gov.wenzhou.kjj.registry.command;

/** Who leads the platform's construction. */
public enum LeadModel {
    /** 龙头企业牵头 */
    LEADING_ENTERPRISE,
    /** 高校院所牵头 */
    UNIVERSITY_OR_INSTITUTE,
    /** 政府牵头 */
    GOVERNMENT
}
