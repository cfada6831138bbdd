package cn.gov.wenzhou.kjj.registry.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlatformSummaryRepository extends JpaRepository<PlatformSummary, String> {
}
