package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Command-line options.
 *
 * @param bootstrapServers the Kafka bootstrap servers
 * @param topics           the topics to read, all published ones by default
 * @param groupId          a consumer group to commit progress in, so a restart resumes; none = a fresh group each
 *                         run, which reads the whole history again
 * @param maxIdle          stop after this long without a new record; none = run until Ctrl-C
 * @param maxEvents        stop after this many records; 0 = no limit
 * @param username         the Kafka user it signs in as (SASL/SCRAM-SHA-512): {@code --username}, else
 *                         {@code KAFKA_USERNAME}, else {@value #DEFAULT_USERNAME}
 * @param password         that user's password: {@code --password-file}, else {@code KAFKA_PASSWORD}; never an
 *                         argument, which any process on the machine could read
 * @param help             print the usage and stop
 */
public record Options(String bootstrapServers, List<String> topics, String groupId, Duration maxIdle, long maxEvents,
                      String username, String password, boolean help) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:19092";
    /** The read-only user the dev stack and the bureau give subscribers that have no user of their own. */
    public static final String DEFAULT_USERNAME = "subscriber";

    public static final String USAGE = """
            Reads the science-fund integration events from the beginning, checks each one against the published
            contract (CloudEvents headers, JSON Schema) and prints one line per event; on exit, a count per type.

            java -jar sample-subscriber/target/sample-subscriber.jar [options]
              --bootstrap-servers HOST:PORT  Kafka to read from (default localhost:19092, the dev stack)
              --topics T1,T2                 topics to read (default: every published topic)
              --group-id ID                  commit progress in this consumer group: a restart resumes where it
                                             stopped (default: a fresh group each run, which replays everything);
                                             it is USER or USER.something (the broker's ACLs allow only those)
              --username NAME                Kafka user to sign in as (default $KAFKA_USERNAME, else subscriber)
              --password-file FILE           file holding that user's password (default: $KAFKA_PASSWORD); the
                                             dev stack keeps the subscriber's in <data>/secrets/kafka-subscriber
              --max-idle SECONDS             stop after SECONDS without a new record (default: run until Ctrl-C)
              --max-events N                 stop after N records
              --help                         this text

            Exit status: 0 when every record was valid, 2 when one was not, 64 for a bad option.""";

    /** Options from the arguments, the sign-in from the environment unless an argument names it. */
    public static Options parse(Map<String, String> environment, String... args) {
        String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
        String username = environment.getOrDefault("KAFKA_USERNAME", DEFAULT_USERNAME);
        String password = environment.get("KAFKA_PASSWORD");
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
                return new Options(bootstrapServers, topics, groupId, maxIdle, maxEvents, username, null, true);
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
                case "--username" -> username = nonBlank(option, value);
                case "--password-file" -> password = readPassword(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("--topics names no topic");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("no Kafka password for user " + username
                    + ": set KAFKA_PASSWORD or --password-file");
        }
        if (groupId != null && !groupId.equals(username) && !groupId.startsWith(username + ".")) {
            throw new IllegalArgumentException("--group-id must be the user name " + username + " or start with "
                    + username + ". : the broker lets it join no other group");
        }
        return new Options(bootstrapServers, topics, groupId, maxIdle, maxEvents, username, password, false);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "Options[bootstrapServers=" + bootstrapServers + ", topics=" + topics + ", groupId=" + groupId
                + ", maxIdle=" + maxIdle + ", maxEvents=" + maxEvents + ", username=" + username + ", help=" + help
                + "]";
    }

    private static String readPassword(String option, String file) {
        try {
            return nonBlank(option, Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " cannot be read: " + file);
        }
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
