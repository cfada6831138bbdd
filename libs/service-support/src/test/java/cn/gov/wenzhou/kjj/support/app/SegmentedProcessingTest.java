package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.axon.EventProcessingProperties;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TcpProxy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances of a service share each processor's segments through the token store, handle each event once,
 * and take over the segments of one that stops (gracefully or not) within the bound {@link EventProcessingProperties}
 * states. The second instance is a second Spring context of the same application, in this JVM, on the same database.
 */
@IntegrationTest(properties = {SupportTestApplication.CONFIG, "stb.event-processing.node-id=" + SegmentedProcessingTest.A})
class SegmentedProcessingTest {

    static final String A = "instance-a";
    static final String B = "instance-b";
    private static final String PROCESSOR = LedgerBalances.NAME;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The machine is shared and small: scheduling may add this much to Axon's own intervals. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    EventProcessingProperties properties;

    ConfigurableApplicationContext other;
    TcpProxy otherDatabase;

    @AfterEach
    void stopTheOtherInstance() {
        if (otherDatabase != null) {
            otherDatabase.restore();
        }
        if (other != null) {
            other.close();
        }
        if (otherDatabase != null) {
            otherDatabase.close();
        }
    }

    @Test
    void aProcessorRunsWithTheConfiguredNumberOfSegments() {
        assertThat(properties.initialSegmentCount()).isEqualTo(4);
        await().atMost(PATIENCE).until(() -> processor(processing).processingStatus().size() == 4);
        assertThat(owners()).containsOnlyKeys(A).containsEntry(A, 4L);
        assertThat(processor(processing)).isInstanceOf(
                org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class);
    }

    @Test
    void twoInstancesSplitTheSegmentsAndHandleEachEventExactlyOnce() {
        List<String> ledgers = splitWithAnother(false, 10, 3);

        awaitPostings(ledgers, 3);
        assertThat(processor(processing).processingStatus()).hasSize(2);
        assertThat(processor(other.getBean(EventProcessingConfiguration.class)).processingStatus()).hasSize(2);
    }

    @Test
    void whenAnInstanceStopsTheOtherTakesItsSegmentsWithinTwoClaimIntervals() {
        List<String> ledgers = splitWithAnother(false, 6, 2);

        other.close();
        awaitTakeover(System.nanoTime(), properties.tokenClaimInterval().multipliedBy(2), "a graceful stop");
        assertThat(owners()).containsOnlyKeys(A);

        post(ledgers, 2, List.of(commands));
        awaitPostings(ledgers, 4);
    }

    @Test
    void whenAnInstanceDiesTheOtherTakesItsSegmentsOnceItsClaimsTimeOut() {
        List<String> ledgers = splitWithAnother(true, 6, 2);
        awaitPostings(ledgers, 2);

        otherDatabase.cut(); // as a kill: it can no longer refresh its claims nor release them
        long died = System.nanoTime();
        post(ledgers, 2, List.of(commands));
        awaitTakeover(died, properties.claimTimeout().plus(properties.tokenClaimInterval().multipliedBy(2)),
                "the instance was cut off");
        awaitPostings(ledgers, 4);

        // back again, it cannot apply what it held: the segments are no longer its own
        otherDatabase.restore();
        // its pool reconnects first (meanwhile it answers as any service without its database)
        JdbcTemplate otherJdbc = other.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> otherJdbc.queryForObject("select 1", Integer.class) == 1);
        post(ledgers, 1, List.of(commands, other.getBean(CommandGateway.class)));
        awaitPostings(ledgers, 5);
    }

    @Test
    void aRebuildWhileAnotherInstanceHoldsSegmentsIsRefusedNamingItAndChangesNothing() {
        List<String> ledgers = splitWithAnother(false, 4, 1);
        awaitPostings(ledgers, 1);

        ApiClient.Response refused = ApiClient.on(port).as("OPERATOR")
                .post("/ops/projections/" + PROCESSOR + "/rebuild", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("projection.claimed-elsewhere").contains(B);
        assertThat(processor(processing).isRunning()).isTrue();
        assertThat(jdbc.queryForList("select coalesce(token_type, '-') from token_entry where processor_name = ?",
                String.class, PROCESSOR)).hasSize(4).noneMatch(type -> type.contains("Replay"));
        post(ledgers, 1, List.of(commands, other.getBean(CommandGateway.class)));
        awaitPostings(ledgers, 2);
    }

    /** Starts the other instance, waits until each holds half the segments, then opens and posts through both. */
    private List<String> splitWithAnother(boolean throughProxy, int ledgers, int posts) {
        other = startOther(throughProxy);
        await().atMost(PATIENCE).until(() -> owners().equals(Map.of(A, 2L, B, 2L)));
        return openAndPost(ledgers, posts, List.of(commands, other.getBean(CommandGateway.class)));
    }

    /** This instance holds every segment within {@code bound} (and the machine's slack) of {@code sinceNanos}. */
    private void awaitTakeover(long sinceNanos, Duration bound, String after) {
        await().atMost(PATIENCE).until(() -> processor(processing).processingStatus().size() == 4);
        Duration takeover = Duration.ofNanos(System.nanoTime() - sinceNanos);
        System.out.println("segments taken over " + takeover.toMillis() + " ms after " + after);
        assertThat(takeover).isLessThanOrEqualTo(bound.plus(SLACK));
    }

    private ConfigurableApplicationContext startOther(boolean throughProxy) {
        String url = environment.getRequiredProperty("spring.datasource.url");
        if (throughProxy) {
            otherDatabase = TcpProxy.to(RealInfrastructure.postgres().host(), RealInfrastructure.postgres().port());
            url = "jdbc:postgresql://localhost:" + otherDatabase.port() + url.substring(url.lastIndexOf('/'));
        }
        List<String> copied = new ArrayList<>();
        for (String property : List.of("spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "stb.kafka.sign-in.username", "stb.kafka.sign-in.password",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
            copied.add(property + "=" + environment.getRequiredProperty(property));
        }
        copied.add("spring.datasource.url=" + url);
        // its own consumer group: this test is about the event processors, not Kafka's partitions
        copied.add("stb.kafka.consumer-group=" + environment.getRequiredProperty("stb.kafka.consumer-group") + "-b");
        copied.add("stb.event-processing.node-id=" + B);
        copied.add("server.port=0");
        copied.add(SupportTestApplication.CONFIG);
        // as arguments: above the application's yml, as the test context's own properties are
        return new SpringApplicationBuilder(SupportTestApplication.class)
                .run(copied.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    private List<String> openAndPost(int count, int posts, List<CommandGateway> instances) {
        List<String> ledgers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ledger = UUID.randomUUID().toString();
            instances.get(i % instances.size()).sendAndWait(new Ledger.OpenLedger(ledger, "segmented " + i));
            ledgers.add(ledger);
        }
        post(ledgers, posts, instances);
        return ledgers;
    }

    private static void post(List<String> ledgers, int posts, List<CommandGateway> instances) {
        int sent = 0;
        for (int p = 0; p < posts; p++) {
            for (String ledger : ledgers) {
                instances.get(sent++ % instances.size()).sendAndWait(new Ledger.Post(ledger, 100));
            }
        }
    }

    /** Every ledger shows exactly {@code posts} postings: none handled twice, none skipped. */
    private void awaitPostings(List<String> ledgers, int posts) {
        Function<String, Long> postings = ledger -> jdbc.queryForObject(
                "select coalesce(max(postings), -1) from ledger_balance where ledger_id = ?", Long.class, ledger);
        await().atMost(PATIENCE).until(() -> ledgers.stream().allMatch(ledger -> postings.apply(ledger) >= posts));
        // a second handling would come late: wait out a claim interval before counting
        await().pollDelay(properties.tokenClaimInterval().multipliedBy(2)).atMost(PATIENCE).until(() -> true);
        assertThat(ledgers.stream().map(postings).toList()).allMatch(count -> count == posts);
        assertThat(ledgers.stream().map(ledger -> jdbc.queryForObject(
                "select balance_fen from ledger_balance where ledger_id = ?", Long.class, ledger)).toList())
                .allMatch(balance -> balance == posts * 100L);
    }

    /** Segments of the processor per owner, as the token store has them. */
    private Map<String, Long> owners() {
        return jdbc.queryForList("select coalesce(owner, '-') from token_entry where processor_name = ?",
                String.class, PROCESSOR).stream().collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }

    private static StreamingEventProcessor processor(EventProcessingConfiguration processing) {
        return processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }
}
