package cn.gov.wenzhou.kjj.support.failure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks the database whether it answers now. A consumer asks before it dead-letters a record whose failure it could
 * not classify: while the database is away, no failure is the record's fault. Bounded by the pool's connection timeout.
 */
public class DatabaseReachability {

    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;

    public DatabaseReachability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
