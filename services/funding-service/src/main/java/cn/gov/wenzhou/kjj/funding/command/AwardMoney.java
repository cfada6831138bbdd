package cn.gov.wenzhou.kjj.funding.command;

/** The money of an award: what the special fund grants and what the recipient puts in itself. */
public record AwardMoney(long awardFen, long coFundingFen) {
}
