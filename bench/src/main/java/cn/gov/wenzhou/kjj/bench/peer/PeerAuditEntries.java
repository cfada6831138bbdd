package cn.gov.wenzhou.kjj.bench.peer;

import org.springframework.data.jpa.repository.JpaRepository;

interface PeerAuditEntries extends JpaRepository<PeerAuditEntry, String> {
}
