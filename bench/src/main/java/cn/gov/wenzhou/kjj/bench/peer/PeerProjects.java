package cn.gov.wenzhou.kjj.bench.peer;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface PeerProjects extends JpaRepository<PeerProject, String> {

    /** {@code SELECT … FOR UPDATE}: two expenditures on one project wait for each other, as the aggregate's do. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PeerProject p where p.id = :id")
    Optional<PeerProject> findLocked(String id);
}
