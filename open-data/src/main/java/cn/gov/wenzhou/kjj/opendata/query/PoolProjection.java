package cn.gov.wenzhou.kjj.opendata.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The staffing pool as counts by year. Admissions and exits arrive one per hire, with the employer, field and title
 * level; none of that is kept: the only thing written is a count (the ce_id ledger makes each count once).
 */
@Component
public class PoolProjection {

    private final JdbcTemplate jdbc;
    private final Datasets datasets;

    public PoolProjection(JdbcTemplate jdbc, Datasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    public void quotaSet(int year, int posts, LocalDate decidedOn, Instant at) {
        jdbc.update("""
                insert into pool_year (year, quota, quota_decided_on) values (?, ?, ?)
                on conflict (year) do update set quota = excluded.quota, quota_decided_on = excluded.quota_decided_on""",
                year, posts, decidedOn);
        datasets.changed(Dataset.POOL, at);
    }

    public void admitted(LocalDate on, Instant at) {
        jdbc.update("""
                insert into pool_year (year, admitted) values (?, 1)
                on conflict (year) do update set admitted = pool_year.admitted + 1""", on.getYear());
        datasets.changed(Dataset.POOL, at);
    }

    public void exited(LocalDate on, Instant at) {
        jdbc.update("""
                insert into pool_year (year, exited) values (?, 1)
                on conflict (year) do update set exited = pool_year.exited + 1""", on.getYear());
        datasets.changed(Dataset.POOL, at);
    }
}
