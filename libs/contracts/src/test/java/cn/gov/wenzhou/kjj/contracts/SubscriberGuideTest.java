package cn.gov.wenzhou.kjj.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscriber guide (docs/subscribers.md) names every topic, its key and every event the catalogue publishes. */
class SubscriberGuideTest {

    /** Tests run in the module's directory, libs/contracts. */
    private static final Path GUIDE = Path.of("../../docs/subscribers.md");

    @Test
    void namesEveryTopicWithItsKeyAndEveryEvent() throws IOException {
        String guide = Files.readString(GUIDE);
        AsyncApiDocument document = AsyncApiDocument.load();

        document.topicChannels().values().forEach(channel -> assertThat(guide)
                .contains("`" + channel.path("address").asText() + "`")
                .contains("`" + channel.path("x-aggregate-id").asText() + "`"));
        assertThat(IntegrationEventCatalog.all()).allSatisfy(type -> assertThat(guide).contains(type.getSimpleName()));
        assertThat(guide).contains("localhost:19092", "auto.offset.reset", "seekToBeginning", "retention.ms=-1",
                "ce_id", ".dlt");
    }
}
