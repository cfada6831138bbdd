package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/**
 * A rectification's deadline passed unconfirmed: listed for follow-up by the district authority named on the notice
 * (整改跟进).
 */
public record RectificationOverdue(String platformId, String creditCode, int year, LocalDate deadline,
                                   String supervisingAuthority, LocalDate listedOn) {
}
