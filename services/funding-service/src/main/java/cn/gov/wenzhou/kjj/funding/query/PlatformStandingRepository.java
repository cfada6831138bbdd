package cn.gov.wenzhou.kjj.funding.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlatformStandingRepository extends JpaRepository<PlatformStandingView, String> {
}
