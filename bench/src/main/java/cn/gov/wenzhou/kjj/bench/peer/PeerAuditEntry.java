package cn.gov.wenzhou.kjj.bench.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The audit row a careful CRUD service writes beside its update: what was spent, by whom, when, and why — the same
 * facts our {@code ExpenditureRecorded} event and its metadata carry. The expenditure id is the key, so a repeated
 * request fails instead of spending twice (our command is idempotent on it too).
 */
@Entity
@Table(name = "peer_audit_entry")
public class PeerAuditEntry {

    @Id
    @Column(name = "expenditure_id")
    private String expenditureId;
    @Column(name = "project_id", nullable = false)
    private String projectId;
    @Column(nullable = false)
    private String category;
    @Column(name = "amount_fen", nullable = false)
    private long amountFen;
    @Column(name = "voucher_ref", nullable = false)
    private String voucherRef;
    @Column(nullable = false)
    private String purpose;
    @Column(name = "spent_on", nullable = false)
    private LocalDate spentOn;
    @Column(nullable = false)
    private String actor;
    @Column(name = "actor_role", nullable = false)
    private String actorRole;
    @Column(name = "trace_id", nullable = false)
    private String traceId;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PeerAuditEntry() {
    }

    PeerAuditEntry(String expenditureId, String projectId, String category, long amountFen, String voucherRef,
                   String purpose, LocalDate spentOn, String actor, String actorRole, String traceId,
                   Instant recordedAt) {
        this.expenditureId = expenditureId;
        this.projectId = projectId;
        this.category = category;
        this.amountFen = amountFen;
        this.voucherRef = voucherRef;
        this.purpose = purpose;
        this.spentOn = spentOn;
        this.actor = actor;
        this.actorRole = actorRole;
        this.traceId = traceId;
        this.recordedAt = recordedAt;
    }
}
