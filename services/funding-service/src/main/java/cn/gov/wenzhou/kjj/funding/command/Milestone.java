package cn.gov.wenzhou.kjj.funding.command;

/** The points of a project a tranche is tied to (default split 50/30/20, a parameter). */
public enum Milestone {
    /** The project contract (任务书/合同) is signed. */
    CONTRACT,
    /** The mid-term check (中期检查) was passed. */
    MID_TERM,
    /** The final acceptance (验收) was passed. */
    ACCEPTANCE
}
