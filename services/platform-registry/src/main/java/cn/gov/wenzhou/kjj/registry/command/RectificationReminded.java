package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** A rectification not yet confirmed approaches its deadline: the platform is reminded (整改提醒). */
public record RectificationReminded(String platformId, String creditCode, int year, LocalDate deadline,
                                    String supervisingAuthority, LocalDate remindedOn) {
}
