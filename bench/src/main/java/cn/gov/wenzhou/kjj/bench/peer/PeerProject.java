package cn.gov.wenzhou.kjj.bench.peer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.util.HashMap;
import java.util.Map;

/**
 * The funded project as a CRUD service keeps it: one row with its running totals, its category budgets and what has
 * been spent of each in a side table, changed in place.
 */
@Entity
@Table(name = "peer_project")
public class PeerProject {

    @Id
    private String id;
    @Column(name = "received_fen", nullable = false)
    private long receivedFen;
    @Column(name = "spent_fen", nullable = false)
    private long spentFen;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "peer_budget_line", joinColumns = @JoinColumn(name = "project_id"))
    @MapKeyColumn(name = "category")
    @Column(name = "budget_fen")
    private Map<String, Long> budgetFen = new HashMap<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "peer_category_spent", joinColumns = @JoinColumn(name = "project_id"))
    @MapKeyColumn(name = "category")
    @Column(name = "spent_fen")
    private Map<String, Long> spentByCategoryFen = new HashMap<>();

    protected PeerProject() {
    }

    PeerProject(String id, long receivedFen, Map<String, Long> budgetFen) {
        this.id = id;
        this.receivedFen = receivedFen;
        this.budgetFen = new HashMap<>(budgetFen);
        budgetFen.keySet().forEach(category -> spentByCategoryFen.put(category, 0L));
    }

    /** The same two checks as the aggregate's: the category's budget, and the funds received so far. */
    void spend(String category, long amountFen) {
        Long budget = budgetFen.get(category);
        if (budget == null) {
            throw new IllegalArgumentException("budget.unknown-category: " + category);
        }
        long spentOfCategory = spentByCategoryFen.getOrDefault(category, 0L);
        if (Math.addExact(spentOfCategory, amountFen) > budget) {
            throw new IllegalStateException("expenditure.over-category-budget");
        }
        if (Math.addExact(spentFen, amountFen) > receivedFen) {
            throw new IllegalStateException("expenditure.over-funds-received");
        }
        spentByCategoryFen.put(category, spentOfCategory + amountFen);
        spentFen += amountFen;
    }

    public String id() {
        return id;
    }
}
