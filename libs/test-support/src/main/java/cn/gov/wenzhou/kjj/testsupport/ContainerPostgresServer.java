package cn.gov.wenzhou.kjj.testsupport;

import org.testcontainers.containers.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers container, used when a Docker engine answers. */
final class ContainerPostgresServer implements PostgresServer {

    private final PostgreSQLContainer<?> container;

    private ContainerPostgresServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    @SuppressWarnings("resource")
    static ContainerPostgresServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=400");
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
