package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.testsupport.PostgresServer;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

/** A database of its own for a migration test, migrated step by step to the versions the test names. */
final class MigratedDatabase {

    private final DriverManagerDataSource dataSource;
    final JdbcTemplate jdbc;

    private MigratedDatabase(DriverManagerDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static MigratedDatabase create() {
        PostgresServer postgres = RealInfrastructure.postgres();
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.createDatabase(database);
        return new MigratedDatabase(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(),
                postgres.password()));
    }

    /** Migrates to {@code version} of the service's migrations (with the shared ones). */
    MigratedDatabase migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).outOfOrder(true).target(version)
                .locations("classpath:db/support", "classpath:db/consumer", "classpath:db/talent-pool-service")
                .load().migrate();
        return this;
    }
}
