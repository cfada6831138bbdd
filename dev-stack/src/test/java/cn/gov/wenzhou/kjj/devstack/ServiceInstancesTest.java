package cn.gov.wenzhou.kjj.devstack;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code run.sh --instances N}: how many instances of each service, on which ports, placed how. */
class ServiceInstancesTest {

    @Test
    void theInstancesFlagSaysHowManyOfEachServiceAndWithoutItThereIsOne() {
        assertThat(ServiceInstances.count(List.of())).isEqualTo(1);
        assertThat(ServiceInstances.count(List.of("--demo", "--clean"))).isEqualTo(1);
        assertThat(ServiceInstances.count(List.of("--instances", "2"))).isEqualTo(2);
        assertThat(ServiceInstances.count(List.of("--demo", "--instances=3"))).isEqualTo(3);
    }

    @Test
    void anInstancesFlagWithoutACountFromOneToTheMostIsRefusedNamingTheFlag() {
        for (List<String> flags : List.of(List.of("--instances"), List.of("--instances", "0"),
                List.of("--instances", "two"), List.of("--instances=" + (ServiceInstances.MAX + 1)))) {
            assertThatThrownBy(() -> ServiceInstances.count(flags)).as(flags.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--instances");
        }
    }

    @Test
    void theFirstInstanceKeepsTheServicesPortAndEachFurtherOneIsAHundredAboveAndClashesWithNothingElse() {
        assertThat(ServiceInstances.port(StackService.PLATFORM_REGISTRY, 1)).isEqualTo(8081);
        assertThat(ServiceInstances.port(StackService.PLATFORM_REGISTRY, 2)).isEqualTo(8181);
        assertThat(ServiceInstances.port(StackService.FUNDING, 2)).isEqualTo(8182);
        assertThat(ServiceInstances.port(StackService.TALENT_POOL, 2)).isEqualTo(8183);
        Set<Integer> taken = new HashSet<>(List.of(LocalConsole.PORT, LocalOpenData.PORT,
                LocalOpenData.MANAGEMENT_PORT, LocalIssuer.PORT, LocalMail.SMTP_PORT, LocalMail.IMAP_PORT,
                LocalMail.PAGE_PORT, DevStack.POSTGRES_PORT, DevStack.KAFKA_PORT, DevStack.KAFKA_CONTROLLER_PORT));
        for (int instance = 1; instance <= ServiceInstances.MAX; instance++) {
            for (StackService service : StackService.values()) {
                assertThat(taken.add(ServiceInstances.port(service, instance)))
                        .as(service + " instance " + instance).isTrue();
            }
        }
    }

    @Test
    void aFurtherInstanceHasTheFirstOnesDatabaseBrokerAndGroupButItsOwnPortAndGroupMembership() {
        for (StackService service : StackService.values()) {
            ServiceLauncher.Placement first = new ServiceLauncher.Placement("jdbc:postgresql://localhost:15432/"
                    + service.database(), "postgres", "db-secret", "localhost:19092", service.defaultPort(),
                    Map.of("stb.kafka.sign-in.password", "kafka-secret", "stb.demo.enabled", "true",
                            "stb.kafka.instance-id", ServiceInstances.kafkaInstanceId(service, 1)));
            ServiceLauncher.Placement second = ServiceInstances.placement(first, service, 2);

            List<String> firstArguments = new ArrayList<>(ServiceLauncher.arguments(first));
            List<String> secondArguments = new ArrayList<>(ServiceLauncher.arguments(second));
            assertThat(secondArguments).contains("--server.port=" + (service.defaultPort() + 100),
                    "--stb.kafka.instance-id=" + service.serviceName() + "-2", "--stb.demo.enabled=false",
                    "--spring.datasource.url=" + first.jdbcUrl(), "--spring.kafka.bootstrap-servers=localhost:19092",
                    "--stb.kafka.sign-in.password=kafka-secret",
                    // the first instance in the stack's JVM may have applied migrations of libraries its jar lacks
                    "--spring.flyway.ignore-migration-patterns=*:missing");
            // no consumer group of its own: the service's one group (its name), as the first instance's
            assertThat(secondArguments).noneMatch(argument -> argument.startsWith("--stb.kafka.consumer-group"));
            firstArguments.removeIf(argument -> argument.startsWith("--server.port=")
                    || argument.startsWith("--stb.kafka.instance-id=") || argument.startsWith("--stb.demo.enabled="));
            secondArguments.removeIf(argument -> argument.startsWith("--server.port=")
                    || argument.startsWith("--stb.kafka.instance-id=") || argument.startsWith("--stb.demo.enabled=")
                    || argument.startsWith("--spring.flyway.ignore-migration-patterns="));
            assertThat(secondArguments).as(service.serviceName()).containsExactlyInAnyOrderElementsOf(firstArguments);
        }
    }

    @Test
    void theBannerNamesEachFurtherInstancesAddress() {
        assertThat(ServiceInstances.banner(1)).isEmpty();
        assertThat(String.join("", ServiceInstances.banner(2))).contains("http://localhost:8181/swagger-ui.html",
                "http://localhost:8182/swagger-ui.html", "http://localhost:8183/swagger-ui.html");
    }
}
