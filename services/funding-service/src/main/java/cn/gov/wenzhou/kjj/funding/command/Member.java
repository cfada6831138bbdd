package cn.gov.wenzhou.kjj.funding.command;

/**
 * An organisation in an application: the lead applicant or a joint partner. Organisations only: no person's data.
 *
 * @param platformId the registry id when the organisation is a registered platform, else null
 */
public record Member(String creditCode, EnterpriseTier tier, String platformId) {

    public boolean platformMember() {
        return platformId != null;
    }
}
