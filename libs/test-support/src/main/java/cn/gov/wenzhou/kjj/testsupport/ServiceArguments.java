package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaUser;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments that start a service outside Spring's test context cache, on the real infrastructure and
 * a database of its own, on a free port: for a test that stops and starts a service on the same database.
 */
public final class ServiceArguments {

    private ServiceArguments() {
    }

    /**
     * The arguments for {@code service} (its Kafka user: its consumer groups and sign-in) on {@code database} (create
     * it first), followed by {@code more} of the test's own.
     */
    public static String[] onDatabase(KafkaUser service, String database, String... more) {
        PostgresServer postgres = RealInfrastructure.postgres();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafka().bootstrapServers(),
                "--stb.kafka.consumer-group=" + service.groupPrefix() + database,
                "--stb.kafka.sign-in.username=" + service.name(),
                "--stb.kafka.sign-in.password=" + RealInfrastructure.kafkaCredentials().password(service.name()),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.get().issuer(),
                "--server.port=0"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }
}
