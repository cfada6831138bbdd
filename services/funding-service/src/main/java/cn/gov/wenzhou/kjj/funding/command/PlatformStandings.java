package cn.gov.wenzhou.kjj.funding.command;

import java.util.Optional;

/**
 * A platform's standing as funding holds it now ({@link PlatformStanding}, fed by the registry's events); empty for a
 * platform funding has never heard of. Read on the command side, in the deciding command's unit of work (a ranking,
 * an award), so a decision never rests on a view that lags behind the replica.
 */
public interface PlatformStandings {

    Optional<Standing> of(String platformId);
}
