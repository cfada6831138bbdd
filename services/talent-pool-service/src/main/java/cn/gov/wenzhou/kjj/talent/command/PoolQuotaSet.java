package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;

public record PoolQuotaSet(String poolId, int year, int posts, int previousPosts, String reason,
                           LocalDate decidedOn) {
}
