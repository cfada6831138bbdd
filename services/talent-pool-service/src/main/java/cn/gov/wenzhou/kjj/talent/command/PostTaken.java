package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;

/**
 * @param year      the quota year the post counts against (the year of {@code takenOn})
 * @param quota     that year's quota when the post was taken
 * @param heldAfter posts held in the pool after this one was taken (never above {@code quota})
 */
public record PostTaken(String poolId, String enrollmentId, int year, int quota, int heldAfter, LocalDate takenOn) {
}
