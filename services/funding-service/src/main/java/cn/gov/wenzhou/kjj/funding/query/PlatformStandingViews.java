package cn.gov.wenzhou.kjj.funding.query;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The platform-standing view's rows. Not named {@code PlatformStandingRepository}: that bean name is Axon's repository
 * of the {@code PlatformStanding} aggregate, which the command side loads.
 */
public interface PlatformStandingViews extends JpaRepository<PlatformStandingView, String> {
}
