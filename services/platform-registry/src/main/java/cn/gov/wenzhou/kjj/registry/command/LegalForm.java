package cn.gov.wenzhou.kjj.registry.command;

/** The legal form of a platform's legal person. */
public enum LegalForm {
    /** 企业 */
    ENTERPRISE,
    /** 事业单位 */
    PUBLIC_INSTITUTION,
    /** 民办非企业单位 */
    PRIVATE_NON_ENTERPRISE
}
