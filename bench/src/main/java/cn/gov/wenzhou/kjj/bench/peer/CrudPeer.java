package cn.gov.wenzhou.kjj.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import javax.sql.DataSource;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service a user would write instead of ours (issue 20's peer): the same expenditure as a Spring + JPA CRUD
 * operation on the same PostgreSQL, in a database of its own, durable like every side of the bench (the server's
 * {@code synchronous_commit} is on). Its own small Spring context: Hikari's default pool of 10 as a Spring Boot service
 * has, Hibernate, Spring Data repositories, {@code @Transactional}; no Axon, no Kafka, no projections, no audit chain.
 * What it does not do is the honest part of the comparison: it keeps no history but its audit rows, publishes nothing,
 * and its views are its tables.
 */
public final class CrudPeer implements AutoCloseable {

    private static final LocalDate SPENT_ON = LocalDate.of(2025, 3, 1);
    /** The same budget and first tranche as the bench's funded projects ({@code Projects}). */
    private static final Map<String, Long> BUDGET_FEN = Map.of(
            "OPERATING", 800_000_000L, "LABOUR", 100_000_000L, "INDIRECT", 100_000_000L);
    private static final long RECEIVED_FEN = 500_000_000L;

    private final AnnotationConfigApplicationContext context;
    private final PeerExpenditures expenditures;
    private final AtomicLong vouchers = new AtomicLong();

    private CrudPeer(AnnotationConfigApplicationContext context) {
        this.context = context;
        this.expenditures = context.getBean(PeerExpenditures.class);
    }

    /** Creates its tables in {@code jdbcUrl}'s database (an empty one of its own) and starts its context. */
    public static CrudPeer start(String jdbcUrl, String user, String password) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(Connection.class, () -> new Connection(jdbcUrl, user, password));
        context.register(PeerConfiguration.class);
        context.refresh();
        return new CrudPeer(context);
    }

    /** Opens {@code count} projects ready for expenditures. */
    public List<String> open(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            expenditures.open(new PeerProject(id, RECEIVED_FEN, BUDGET_FEN));
            ids.add(id);
        }
        return ids;
    }

    /** One expenditure, shaped as the bench's command: the same category, amounts and texts. */
    public void spend(String projectId) {
        spend(projectId, 100 + vouchers.get() % 900);
    }

    /** One expenditure of {@code amountFen} in the budget's operating category. */
    public void spend(String projectId, long amountFen) {
        long voucher = vouchers.incrementAndGet();
        expenditures.record(projectId, UUID.randomUUID().toString(), "OPERATING", amountFen, "WZ-2025-" + voucher,
                "实验材料采购（试剂、耗材）", SPENT_ON);
    }

    @Override
    public void close() {
        context.close();
    }

    record Connection(String jdbcUrl, String user, String password) {
    }

    @Configuration
    @EnableTransactionManagement
    @EnableJpaRepositories(basePackageClasses = PeerProjects.class)
    static class PeerConfiguration {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(Connection connection) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(connection.jdbcUrl());
            config.setUsername(connection.user());
            config.setPassword(connection.password());
            config.setPoolName("crud-peer");
            HikariDataSource dataSource = new HikariDataSource(config);
            new JdbcTemplate(dataSource).execute("""
                    create table if not exists peer_project (
                        id varchar(36) primary key, received_fen bigint not null, spent_fen bigint not null);
                    create table if not exists peer_budget_line (
                        project_id varchar(36) not null references peer_project, category varchar(32) not null,
                        budget_fen bigint not null, primary key (project_id, category));
                    create table if not exists peer_category_spent (
                        project_id varchar(36) not null references peer_project, category varchar(32) not null,
                        spent_fen bigint not null, primary key (project_id, category));
                    create table if not exists peer_audit_entry (
                        expenditure_id varchar(36) primary key, project_id varchar(36) not null references peer_project,
                        category varchar(32) not null, amount_fen bigint not null, voucher_ref varchar(64) not null,
                        purpose varchar(500) not null, spent_on date not null, actor varchar(128) not null,
                        actor_role varchar(32) not null, trace_id varchar(64) not null,
                        recorded_at timestamp with time zone not null);
                    create index if not exists peer_audit_entry_project on peer_audit_entry (project_id);
                    """);
            return dataSource;
        }

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setPackagesToScan(PeerProject.class.getPackageName());
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate"));
            return factory;
        }

        @Bean
        PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        PeerExpenditures peerExpenditures(PeerProjects projects, PeerAuditEntries audit) {
            return new PeerExpenditures(projects, audit, Clock.systemUTC());
        }
    }
}
