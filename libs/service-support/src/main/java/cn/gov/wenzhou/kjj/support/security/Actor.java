package cn.gov.wenzhou.kjj.support.security;

import java.util.Set;

/**
 * Who caused a command: the token's subject and roles, and for an enterprise or platform the credit code it may act
 * for. Recorded in every command's and event's metadata ({@link #SUBJECT_KEY}, {@link #ROLE_KEY}).
 */
public record Actor(String subject, Set<Role> roles, String creditCode) {

    public static final String SUBJECT_KEY = "actor";
    public static final String ROLE_KEY = "actorRole";

    /** Commands a service issues itself (Kafka listeners, sagas, demo data) are the system's. */
    public static Actor system(String what) {
        return new Actor("system:" + what, Set.of(), null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether the actor holds a role confined to one organisation ({@link Role#ENTERPRISE}, {@link Role#PLATFORM}),
     * whatever other roles it has: such an actor is always scoped to its credit code.
     */
    public boolean isOrganisation() {
        return roles.stream().anyMatch(Role::isOrganisation);
    }

    /**
     * A recorded actor as an organisation (an enterprise, a platform) may see it: the service's own
     * ({@code system:…}) and an organisation's as recorded; bureau staff only by their role, as {@code null} here,
     * since a staff account names a person of the bureau.
     *
     * @param subject the recorded {@link #SUBJECT_KEY}
     * @param role    the recorded {@link #ROLE_KEY}
     */
    public static String subjectShownToOrganisation(String subject, String role) {
        if (subject == null || subject.startsWith("system:")) {
            return subject;
        }
        boolean organisation = role != null && java.util.Arrays.stream(Role.values())
                .anyMatch(r -> r.isOrganisation() && r.name().equals(role));
        return organisation ? subject : null;
    }

    /** The role recorded in metadata: the first of the actor's roles in {@link Role} order, or {@code SYSTEM}. */
    public String primaryRole() {
        return roles.stream().sorted().map(Role::name).findFirst().orElse("SYSTEM");
    }
}
