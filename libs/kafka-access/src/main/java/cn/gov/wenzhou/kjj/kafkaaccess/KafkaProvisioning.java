package cn.gov.wenzhou.kjj.kafkaaccess;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sets a broker up as {@link KafkaAccess} says, through an administrator's client: every user's SCRAM credential
 * (set again on every start, so a changed password takes effect), every ACL, every topic. Idempotent. Returns once
 * the broker applies them all, so a client that signs in next is let in.
 */
public final class KafkaProvisioning {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private KafkaProvisioning() {
    }

    public static void provision(Admin admin, KafkaCredentials credentials, int partitions, short replicationFactor) {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        users.add(upsertion(KafkaAccess.ADMIN, credentials));
        KafkaAccess.USERS.forEach(user -> users.add(upsertion(user.name(), credentials)));
        List<AclBinding> acls = KafkaAccess.aclBindings();
        try {
            admin.alterUserScramCredentials(users).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            createMissing(admin, KafkaAccess.topics(partitions, replicationFactor));
            awaitApplied(admin, users.size(), acls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting Kafka's users and ACLs up", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka's users and ACLs could not be set up", e);
        }
    }

    private static UserScramCredentialUpsertion upsertion(String user, KafkaCredentials credentials) {
        return new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, KafkaAccess.ITERATIONS),
                credentials.password(user));
    }

    private static void createMissing(Admin admin, List<NewTopic> topics) throws InterruptedException,
            ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The broker serves credentials and ACLs from its copy of the metadata: wait until that copy has them. */
    private static void awaitApplied(Admin admin, int userCount, List<AclBinding> acls) throws InterruptedException,
            ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Set<AclBinding> wanted = new HashSet<>(acls);
        while (true) {
            int described = admin.describeUserScramCredentials().all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS).size();
            Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            if (described >= userCount && present.containsAll(wanted)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the broker did not apply Kafka's users and ACLs within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}
