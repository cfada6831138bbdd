package cn.gov.wenzhou.kjj.funding.command;

import java.util.List;

/**
 * Who an award funds: the recipient by its credit code (with its registry id when it is a registered platform) and
 * the platforms of the bid's partners.
 *
 * @param platformId null when the recipient is not a registered platform
 */
public record AwardRecipient(String creditCode, String platformId, List<String> partnerPlatformIds) {
}
