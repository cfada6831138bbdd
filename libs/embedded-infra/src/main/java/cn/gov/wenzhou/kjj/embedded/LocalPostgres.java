package cn.gov.wenzhou.kjj.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server (zonky's binaries from Maven) with its data kept in a directory, so the stack's history
 * survives a restart. Unlike in tests, commits are durable: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on (the embedded library turns them off by default).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        return new LocalPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("listen_addresses", "localhost")
                .start(), dataDirectory);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet: one per service, they share nothing. */
    public void ensureDatabases(List<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("create database \"" + database + "\"");
            }
        }
    }

    /**
     * Gives the {@value #USER} role {@code password}, which the applications then sign in with (no application starts
     * without a database password). The embedded server still trusts loopback connections, as its tools expect.
     */
    public void usePassword(String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("alter role \"" + USER + "\" password '" + password.replace("'", "''") + "'");
        }
    }

    /** The server's durability settings as it reports them, for the start-up banner and the benchmark. */
    public String durability() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("""
                     select string_agg(name || '=' || setting, ', ' order by name) from pg_settings
                     where name in ('fsync', 'synchronous_commit', 'full_page_writes')""")) {
            settings.next();
            return settings.getString(1);
        }
    }

    /**
     * PostgreSQL's immediate shutdown, as a crash ends the server: no checkpoint, the log records still in its
     * buffers are lost, the next start recovers from what the log holds. It is what {@code pg_ctl stop -m immediate}
     * does — SIGQUIT to the postmaster, then wait until it has gone — done here directly, because pg_ctl refuses to
     * run as root and the server runs as whoever started it. Then this handle is released (its own stop finds no
     * server, and says so in the log); start the server again on the same data directory.
     */
    public void stopImmediately() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IOException("no PostgreSQL server running as process " + pid));
        Process quit = new ProcessBuilder("kill", "-s", "QUIT", String.valueOf(pid)).redirectErrorStream(true)
                .start();
        String said = new String(quit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (quit.waitFor() != 0) {
            throw new IOException("SIGQUIT to the postmaster failed: " + said);
        }
        try {
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the postmaster did not end within 60 s of its immediate shutdown", e);
        }
        postgres.close();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
