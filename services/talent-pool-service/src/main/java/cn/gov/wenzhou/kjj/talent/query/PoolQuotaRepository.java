package cn.gov.wenzhou.kjj.talent.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PoolQuotaRepository extends JpaRepository<PoolQuotaView, Integer> {
}
