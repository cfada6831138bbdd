package cn.gov.wenzhou.kjj.funding.command;

/** What the bureau's call cares about in an organisation taking part: leading and chain-leader enterprises. */
public enum EnterpriseTier {
    /** A leading (龙头骨干) enterprise. */
    LEADING,
    /** A chain-leader (链主) enterprise of an industry chain. */
    CHAIN_LEADER,
    /** Any other organisation (an ordinary enterprise, a university, a platform). */
    OTHER;

    public boolean leadingOrChainLeader() {
        return this == LEADING || this == CHAIN_LEADER;
    }
}
