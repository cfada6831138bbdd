package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options.
 *
 * @param bootstrapServers the Kafka bootstrap servers
 * @param topics           the topics to read, all published ones by default
 * @param groupId          a consumer group to commit progress in, so a restart resumes; none = a fresh group each
 *                         run, which reads the whole history again
 * @param maxIdle          stop after this long without a new record; none = run until Ctrl-C
 * @param maxEvents        stop after this many records; 0 = no limit
 * @param help             print the usage and stop
 */
public record Options(String bootstrapServers, List<String> topics, String groupId, Duration maxIdle, long maxEvents,
                      boolean help) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:19092";

    public static final String USAGE = """
            Reads the science-fund integration events from the beginning, checks each one against the published
            contract (CloudEvents headers, JSON Schema) and prints one line per event; on exit, a count per type.

            java -jar sample-subscriber/target/sample-subscriber.jar [options]
              --bootstrap-servers HOST:PORT  Kafka to read from (default localhost:19092, the dev stack)
              --topics T1,T2                 topics to read (default: every published topic)
              --group-id ID                  commit progress in this consumer group: a restart resumes where it
                                             stopped (default: a fresh group each run, which replays everything)
              --max-idle SECONDS             stop after SECONDS without a new record (default: run until Ctrl-C)
              --max-events N                 stop after N records
              --help                         this text

            Exit status: 0 when every record was valid, 2 when one was not, 64 for a bad option.""";

    public static Options parse(String... args) {
        String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
        List<String> topics = Topics.ALL;
        String groupId = null;
        Duration maxIdle = null;
        long maxEvents = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            if (option.equals("--help") || option.equals("-h")) {
                return new Options(bootstrapServers, topics, groupId, maxIdle, maxEvents, true);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = args[++i];
            }
            switch (option) {
                case "--bootstrap-servers" -> bootstrapServers = nonBlank(option, value);
                case "--topics" -> topics = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(topic -> !topic.isEmpty()).toList();
                case "--group-id" -> groupId = nonBlank(option, value);
                case "--max-idle" -> maxIdle = Duration.ofSeconds(positive(option, value));
                case "--max-events" -> maxEvents = positive(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("--topics names no topic");
        }
        return new Options(bootstrapServers, topics, groupId, maxIdle, maxEvents, false);
    }

    private static String nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be empty");
        }
        return value.trim();
    }

    private static long positive(String option, String value) {
        try {
            long number = Long.parseLong(value.trim());
            if (number <= 0) {
                throw new IllegalArgumentException(option + " must be positive, was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was " + value);
        }
    }
}
