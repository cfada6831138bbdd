package cn.gov.wenzhou.kjj.support.security;

/** Who uses the system. A token carries its roles in the {@code roles} claim. */
public enum Role {
    /** Bureau staff who keep the platform registry. */
    REGISTRY_ADMIN,
    /** Bureau staff who run challenge calls and funded projects. */
    FUNDING_OFFICER,
    /** Finance: reads audit trails and exports, changes nothing. */
    FINANCE_AUDITOR,
    /** Wenzhou Talent Institute staff: review, admission, personal data of hires. */
    TALENT_INSTITUTE,
    /** An enterprise, scoped to its own credit code ({@code credit_code} claim). */
    ENTERPRISE,
    /** A registered platform, scoped to its own credit code. */
    PLATFORM,
    /** An outside system reading the event catalogue. */
    SUBSCRIBER,
    /** Runs the system: projection rebuilds, metrics. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    /** A role confined to one organisation, named by the token's {@code credit_code} claim. */
    public boolean isOrganisation() {
        return this == ENTERPRISE || this == PLATFORM;
    }
}
