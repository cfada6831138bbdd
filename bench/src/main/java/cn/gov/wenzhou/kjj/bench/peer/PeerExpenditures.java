package cn.gov.wenzhou.kjj.bench.peer;

import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code RecordExpenditure} as a conventional Spring + JPA service writes it: in one transaction, load the project row
 * {@code FOR UPDATE}, check the category budget and the funds received, update the row, insert an audit row, commit.
 */
public class PeerExpenditures {

    private final PeerProjects projects;
    private final PeerAuditEntries audit;
    private final Clock clock;

    PeerExpenditures(PeerProjects projects, PeerAuditEntries audit, Clock clock) {
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void record(String projectId, String expenditureId, String category, long amountFen, String voucherRef,
                       String purpose, LocalDate spentOn) {
        PeerProject project = projects.findLocked(projectId)
                .orElseThrow(() -> new IllegalArgumentException("project.not-found: " + projectId));
        project.spend(category, amountFen);
        audit.save(new PeerAuditEntry(expenditureId, projectId, category, amountFen, voucherRef, purpose, spentOn,
                "bench", "FUNDING_OFFICER", UUID.randomUUID().toString(), clock.instant()));
    }

    @Transactional
    public void open(PeerProject project) {
        projects.save(project);
    }
}
