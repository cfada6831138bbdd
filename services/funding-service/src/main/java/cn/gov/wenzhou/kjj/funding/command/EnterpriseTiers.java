package cn.gov.wenzhou.kjj.funding.command;

/**
 * The tier of an enterprise as the bureau's record holds it now ({@link EnterpriseRecord}); {@link EnterpriseTier#OTHER}
 * for an organisation the bureau has not recorded. Read on the command side, in the deciding command's unit of work,
 * so a decision never rests on a view that lags behind the record.
 */
public interface EnterpriseTiers {

    EnterpriseTier tierOf(String creditCode);
}
