package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;

/** @param heldAfter posts still held in the pool after this one was freed */
public record PostFreed(String poolId, String enrollmentId, int year, int heldAfter, LocalDate freedOn) {
}
