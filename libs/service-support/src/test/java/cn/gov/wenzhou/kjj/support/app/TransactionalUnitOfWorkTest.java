package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.axon.TransactionalUnitOfWork;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class TransactionalUnitOfWorkTest {

    @Autowired
    TransactionalUnitOfWork transaction;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void commandsOfOneUnitOfWorkCommitTheirEventsTogether() {
        String ledger = UUID.randomUUID().toString();
        transaction.execute("test", () -> {
            commands.sendAndWait(new Ledger.OpenLedger(ledger, "together"));
            return commands.sendAndWait(new Ledger.Post(ledger, 100));
        });
        assertThat(storedEvents(ledger)).isEqualTo(2);
    }

    @Test
    void aFailureAfterTheCommandsStoresNoneOfTheirEventsAndIsRethrownUnchanged() {
        String ledger = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transaction.execute("test", () -> {
            commands.sendAndWait(new Ledger.OpenLedger(ledger, "rolled back"));
            commands.sendAndWait(new Ledger.Post(ledger, 100));
            return commands.sendAndWait(new Ledger.Post(ledger, -500));
        })).isInstanceOf(RuleViolationException.class);
        assertThat(storedEvents(ledger)).isZero();
    }

    /**
     * The after-commit phase is where Axon wakes the tracking processors: it must run once the events are committed,
     * or the processors look too early and wait for their next poll.
     */
    @Test
    void afterCommitWorkSeesTheEventsCommittedForOtherConnections() {
        String ledger = UUID.randomUUID().toString();
        AtomicLong seenAfterCommit = new AtomicLong(-1);
        transaction.execute("test", () -> {
            commands.sendAndWait(new Ledger.OpenLedger(ledger, "visible"));
            CurrentUnitOfWork.get().afterCommit(u -> seenAfterCommit.set(storedEventsOnOwnConnection(ledger)));
            return null;
        });
        assertThat(seenAfterCommit.get()).isEqualTo(1);
    }

    private long storedEvents(String ledger) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, ledger);
    }

    private long storedEventsOnOwnConnection(String ledger) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            query.setString(1, ledger);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
