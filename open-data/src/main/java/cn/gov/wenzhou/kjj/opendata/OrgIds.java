package cn.gov.wenzhou.kjj.opendata;

/**
 * Organisation identifiers in the org-id.guide scheme (the one 360Giving uses). A Chinese organisation's Unified
 * Social Credit Code (统一社会信用代码, GB 32100) is listed there as {@code CN-USCI}: national, confirmed, a primary
 * list, covering companies and non-profit bodies alike (our platforms are enterprises, public institutions and
 * private non-enterprise units, all of which carry such a code). The older {@code CN-SAIC} (business registration
 * numbers of a body merged into SAMR in 2018, companies only) and the provincial {@code CN-33-CR} (imported, not
 * confirmed, companies only) fit less; README "Open data" says why in full.
 */
public final class OrgIds {

    public static final String USCI_PREFIX = "CN-USCI-";

    private OrgIds() {
    }

    public static String ofCreditCode(String creditCode) {
        return USCI_PREFIX + creditCode;
    }
}
