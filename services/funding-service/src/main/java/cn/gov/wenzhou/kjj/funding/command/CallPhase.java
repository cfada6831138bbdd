package cn.gov.wenzhou.kjj.funding.command;

/** Where a yearly challenge call (揭榜挂帅) stands. */
public enum CallPhase {
    /** Technology demands are collected from leading and chain-leader enterprises, and curated. */
    COLLECTING_DEMANDS,
    /** The list (榜单) is published: applications are accepted. */
    LIST_PUBLISHED,
    /** Applications are closed: experts score them. */
    UNDER_REVIEW,
    /** Ranked with the priority rule: awards are made. */
    RANKED
}
