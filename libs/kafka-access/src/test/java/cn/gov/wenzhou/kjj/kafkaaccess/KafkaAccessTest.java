package cn.gov.wenzhou.kjj.kafkaaccess;

import cn.gov.wenzhou.kjj.contracts.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAccessTest {

    @Test
    void everyPublishedTopicHasExactlyOneWriterItsProducer() {
        for (String topic : Topics.ALL) {
            assertThat(KafkaAccess.USERS.stream().filter(user -> user.writes().contains(topic)))
                    .as(topic).singleElement()
                    .satisfies(writer -> assertThat(Topics.producerOf(topic))
                            .contains(Topics.sourceOf(writer.name())));
        }
    }

    @Test
    void aServiceWritesItsOwnTopicsAndOnlyItsOwnDeadLetterTopics() {
        assertThat(KafkaAccess.FUNDING.writes()).containsExactly(Topics.FUNDING_CALL_V1, Topics.FUNDING_PROJECT_V1,
                Topics.FUNDING_LEDGER_V1, "registry.platform.v1.funding-service.dlt",
                "registry.platform.v2.funding-service.dlt");
        assertThat(KafkaAccess.OPEN_DATA.writes()).allMatch(topic -> topic.endsWith(".open-data.dlt"))
                .hasSize(KafkaAccess.OPEN_DATA.reads().size());
    }

    @Test
    void aSubscriberOnlyReads() {
        assertThat(KafkaAccess.SUBSCRIBER.writes()).isEmpty();
        assertThat(KafkaAccess.aclBindings(KafkaAccess.SUBSCRIBER))
                .allMatch(binding -> binding.entry().permissionType() == AclPermissionType.ALLOW)
                .filteredOn(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(binding -> binding.entry().operation())
                .containsOnly(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(KafkaUser.subscriber("statistics-bureau").reads()).isEqualTo(Topics.ALL);
    }

    @Test
    void noUserMayUseAnotherUsersGroups() {
        for (KafkaUser user : KafkaAccess.USERS) {
            for (KafkaUser other : KafkaAccess.USERS) {
                if (other != user) {
                    assertThat(other.groupPrefix()).as(user.name() + " vs " + other.name())
                            .doesNotStartWith(user.groupPrefix());
                }
            }
        }
        assertThat(KafkaAccess.aclBindings()).noneMatch(KafkaAccessTest::grantsAll);
    }

    @Test
    void aPasswordWithQuotesStaysOneValueInTheJaasLine() {
        assertThat(KafkaAccess.jaasConfig("subscriber", "a\"b\\c")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"subscriber\""
                        + " password=\"a\\\"b\\\\c\";");
    }

    @Test
    void composesSetupScriptIsTheModels() throws Exception {
        Path script = Path.of("..", "..", "deploy", "kafka", "setup.sh");
        assertThat(Files.readString(script, StandardCharsets.UTF_8))
                .as("regenerate with KafkaSetupScript.main").isEqualTo(KafkaSetupScript.render());
        assertThat(KafkaSetupScript.render()).contains(
                "allow subscriber --operation Read --operation Describe --topic registry.platform.v1",
                "allow platform-registry --operation Write");
    }

    @Test
    void theOperatorsGuideListsTheModelsUsersAndAcls() throws Exception {
        assertThat(Files.readString(Path.of("..", "..", "docs", "operators.md"), StandardCharsets.UTF_8))
                .as("docs/operators.md, section Security: paste KafkaSetupScript.operatorsTable()")
                .contains(KafkaSetupScript.operatorsTable());
    }

    private static boolean grantsAll(AclBinding binding) {
        return binding.pattern().name().equals("*") || binding.entry().operation() == AclOperation.ALL;
    }
}
