package cn.gov.wenzhou.kjj.bench.peer;

import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The peer must do the work it is compared for: both checks, the update and the audit row, or nothing. */
class CrudPeerTest {

    @TempDir
    static Path data;
    static LocalPostgres postgres;
    static CrudPeer peer;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(data.resolve("postgres"), LoopbackPorts.free());
        postgres.ensureDatabases(List.of("crudpeer"));
        peer = CrudPeer.start(postgres.jdbcUrl("crudpeer"), LocalPostgres.USER, "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anExpenditureUpdatesTheProjectAndWritesOneAuditRow() throws SQLException {
        String project = peer.open(1).get(0);

        peer.spend(project, 1_234);
        peer.spend(project, 66);

        assertThat(number("select spent_fen from peer_project where id = ?", project)).isEqualTo(1_300);
        assertThat(number("select spent_fen from peer_category_spent where project_id = ? and category = 'OPERATING'",
                project)).isEqualTo(1_300);
        assertThat(number("select count(*) from peer_audit_entry where project_id = ?", project)).isEqualTo(2);
    }

    @Test
    void anExpenditureBeyondTheFundsReceivedChangesNothing() throws SQLException {
        String project = peer.open(1).get(0);
        peer.spend(project, 100);

        // 5,000,000 yuan received, 8,000,000 budgeted for operating costs: the funds are the limit
        assertThatThrownBy(() -> peer.spend(project, 500_000_000L))
                .hasMessageContaining("expenditure.over-funds-received");

        assertThat(number("select spent_fen from peer_project where id = ?", project)).isEqualTo(100);
        assertThat(number("select count(*) from peer_audit_entry where project_id = ?", project)).isEqualTo(1);
    }

    private static long number(String sql, String projectId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("crudpeer"), LocalPostgres.USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, projectId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
