package cn.gov.wenzhou.kjj.funding.query;

/** The money events of the finance audit trail. */
public enum MoneyEventKind {
    /** The special-fund award (立项资助): the ceiling of money out. */
    AWARD,
    /** A tranche paid (拨付). */
    DISBURSEMENT,
    /** Spending recorded against a budget category, with its voucher (支出). */
    EXPENDITURE,
    /** A budget adjustment (预算调剂): amount moved from counter_category to category. */
    ADJUSTMENT,
    /** Funds recovered after termination (追回). */
    RECOVERY,
    /** The balance settled at closure (结余): retained or returned. */
    BALANCE_SETTLEMENT
}
