package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.embedded.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL of a test JVM stops when that JVM exits, also where no Spring application registered its
 * shutdown hook (the dev stack's tests start their services with {@code registerShutdownHook(false)}): the server is
 * a daemon of its own, not a child of the JVM, and before this it outlived the build.
 */
class RealInfrastructureShutdownTest {

    @TempDir
    Path work;

    @Test
    void theEmbeddedPostgresStopsWhenATestJvmWithoutSpringExits() throws Exception {
        Path pidFile = work.resolve("postmaster.pid");
        ChildJvm testJvm = ChildJvm.start("test-jvm", List.of(ChildJvm.java(),
                "-Dstb.test.infrastructure=embedded", "-cp", System.getProperty("java.class.path"),
                PostgresUser.class.getName(), pidFile.toString()), Map.of(), work.resolve("test-jvm.log"));
        await().atMost(Duration.ofMinutes(2)).until(() -> !testJvm.isAlive());
        testJvm.close();

        long postmaster = Long.parseLong(Files.readString(pidFile).trim());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProcessHandle.of(postmaster)
                .map(ProcessHandle::isAlive).orElse(false)).as("postmaster %d alive", postmaster).isFalse());
    }

    /** Uses the test PostgreSQL as a test would, writes down its server's pid, and exits. */
    public static final class PostgresUser {
        public static void main(String[] args) throws Exception {
            PostgresServer postgres = RealInfrastructure.postgres();
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                    postgres.username(), postgres.password());
                 ResultSet directory = connection.createStatement()
                         .executeQuery("select setting from pg_settings where name = 'data_directory'")) {
                directory.next();
                String postmasterPid = Files.readAllLines(Path.of(directory.getString(1), "postmaster.pid")).get(0);
                Files.writeString(Path.of(args[0]), postmasterPid);
            }
        }
    }
}
