package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaUser;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a Spring test context at the real infrastructure: a database of its own (so cached contexts never see each
 * other's rows) and a Kafka consumer group of its own (so two cached contexts never split a topic's records), signed
 * in to Kafka as the application's own user.
 * Tokens come from {@link TestTokens}. A test that needs a broker of its own (an outage test, say) names it in {@value #KAFKA_OVERRIDE};
 * one that must cut its database off sets {@value #POSTGRES_THROUGH_PROXY}: its context then reaches the database
 * through a {@link TcpProxy} (a bean of the context) that the test can cut and restore.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KAFKA_OVERRIDE = "stb.test.kafka-bootstrap-servers";
    public static final String POSTGRES_THROUGH_PROXY = "stb.test.postgres-through-proxy";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "service")
                .replaceAll("[^a-zA-Z0-9]", "_");
        String database = "test_" + name + "_" + CONTEXTS.incrementAndGet();
        PostgresServer postgres = RealInfrastructure.postgres();
        String kafka = context.getEnvironment().getProperty(KAFKA_OVERRIDE);
        postgres.createDatabase(database);
        String jdbcUrl = postgres.jdbcUrl(database);
        if (context.getEnvironment().getProperty(POSTGRES_THROUGH_PROXY, Boolean.class, false)) {
            TcpProxy proxy = TcpProxy.to(postgres.host(), postgres.port());
            context.getBeanFactory().registerSingleton("postgresProxy", proxy);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    proxy.close();
                }
            });
            jdbcUrl = "jdbc:postgresql://localhost:" + proxy.port() + "/" + database;
        }
        // a service signs in as its own Kafka user, with its ACLs; a test application that is none of them (the
        // libraries' test applications) as the administrator. Consumer groups carry the user's prefix, as its ACLs ask
        String user = KafkaAccess.user(context.getEnvironment().getProperty("spring.application.name", ""))
                .map(KafkaUser::name).orElse(KafkaAccess.ADMIN);
        String group = KafkaAccess.user(user).map(known -> known.groupPrefix() + database).orElse(database);
        TestPropertyValues.of(
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + postgres.username(),
                "spring.datasource.password=" + postgres.password(),
                "spring.kafka.bootstrap-servers=" + (kafka != null ? kafka : RealInfrastructure.kafka().bootstrapServers()),
                "stb.kafka.consumer-group=" + group,
                "stb.kafka.sign-in.username=" + user,
                "stb.kafka.sign-in.password=" + RealInfrastructure.kafkaCredentials().password(user),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.get().issuer()
        ).applyTo(context);
    }
}
