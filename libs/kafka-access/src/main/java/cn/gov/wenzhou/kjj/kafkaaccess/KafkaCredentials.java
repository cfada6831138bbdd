package cn.gov.wenzhou.kjj.kafkaaccess;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The passwords of a broker's users ({@link KafkaAccess#USERS} and {@link KafkaAccess#ADMIN}). The dev stack keeps
 * them in its data directory, a test JVM makes new ones; a deployment keeps them in its secret store.
 */
public record KafkaCredentials(Map<String, String> passwords) {

    public KafkaCredentials {
        passwords = Map.copyOf(passwords);
        for (String user : names()) {
            String password = passwords.get(user);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("no Kafka password for user " + user);
            }
        }
    }

    /** Each user's password from {@code password} (the dev stack: kept in its data directory). */
    public static KafkaCredentials of(Function<String, String> password) {
        Map<String, String> passwords = new LinkedHashMap<>();
        names().forEach(user -> passwords.put(user, password.apply(user)));
        return new KafkaCredentials(passwords);
    }

    /** New random passwords for every user. */
    public static KafkaCredentials generate() {
        return of(user -> newPassword());
    }

    /** 24 random bytes, URL-safe base64: no character a JAAS line or a shell would need to quote. */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such Kafka user: " + user);
        }
        return password;
    }

    /** The client settings that sign in as {@code user}. */
    public Map<String, Object> clientProperties(String user) {
        return KafkaAccess.clientProperties(user, password(user));
    }

    private static java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(KafkaAccess.ADMIN);
        KafkaAccess.USERS.forEach(user -> names.add(user.name()));
        return names;
    }
}
