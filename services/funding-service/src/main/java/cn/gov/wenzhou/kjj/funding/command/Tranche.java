package cn.gov.wenzhou.kjj.funding.command;

/** One planned payment of the award, payable once its milestone is accepted. */
public record Tranche(int number, Milestone milestone, int percent, long amountFen) {
}
