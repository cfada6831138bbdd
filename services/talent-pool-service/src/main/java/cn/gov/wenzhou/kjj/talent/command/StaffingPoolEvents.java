package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;

/**
 * What happened to the city's {@link StaffingPool}. Until the release of 2026-12-03 each of these was a file of its own
 * ({@code cn.gov.wenzhou.kjj.talent.command.PoolQuotaSet}, ...): events stored under those names are read as these
 * ({@link TalentEventRenames}).
 */
public sealed interface StaffingPoolEvents {

    record PoolQuotaSet(String poolId, int year, int posts, int previousPosts, String reason,
                        LocalDate decidedOn) implements StaffingPoolEvents {
    }

    /**
     * @param year      the quota year the post counts against (the year of {@code takenOn})
     * @param quota     that year's quota when the post was taken
     * @param heldAfter posts held in the pool after this one was taken (never above {@code quota})
     */
    record PostTaken(String poolId, String enrollmentId, int year, int quota, int heldAfter, LocalDate takenOn)
            implements StaffingPoolEvents {
    }

    /** @param heldAfter posts still held in the pool after this one was freed */
    record PostFreed(String poolId, String enrollmentId, int year, int heldAfter, LocalDate freedOn)
            implements StaffingPoolEvents {
    }
}
