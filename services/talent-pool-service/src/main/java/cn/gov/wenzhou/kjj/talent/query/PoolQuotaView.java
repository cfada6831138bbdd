package cn.gov.wenzhou.kjj.talent.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** The pool's quota per year. */
@Entity
@Table(name = "pool_quota")
public class PoolQuotaView {

    @Id
    @Column(name = "quota_year")
    private int year;
    @Column(nullable = false)
    private int posts;
    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    protected PoolQuotaView() {
    }

    public PoolQuotaView(int year, int posts, LocalDate decidedOn) {
        this.year = year;
        this.posts = posts;
        this.decidedOn = decidedOn;
    }

    public int getYear() {
        return year;
    }

    public int getPosts() {
        return posts;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }
}
