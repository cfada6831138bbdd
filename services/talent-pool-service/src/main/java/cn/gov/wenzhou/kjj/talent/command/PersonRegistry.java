package cn.gov.wenzhou.kjj.talent.command;

import java.util.List;
import java.util.Optional;

/**
 * The people behind enrollments, and their personal data keys, kept apart from the events. Used by the command side
 * inside a command's transaction: what it writes commits or rolls back with the command's events.
 */
public interface PersonRegistry {

    /**
     * Finds the person by ID number (or registers them with a new data key), claims them for the enrollment and
     * encrypts their data under their key. The answer never depends on another employer's enrollments: a person
     * with an open enrollment elsewhere is registered like anyone (the institute sees the duplicate and decides),
     * so an employer cannot learn from it who is in the pool, nor block a rival's hire by filing first.
     *
     * @throws cn.gov.wenzhou.kjj.support.domain.RuleViolationException {@code enrollment.person-already-enrolled}
     *                                                                   when the same employer already has an open
     *                                                                   enrollment of the person
     */
    SealedPerson register(String enrollmentId, String employerCreditCode, PersonalData data);

    /**
     * The enrollment's person takes a post: one person, one post.
     *
     * @throws cn.gov.wenzhou.kjj.support.domain.RuleViolationException {@code admission.person-holds-post} when
     *                                                                   another enrollment of theirs holds one
     */
    void holdPost(String enrollmentId);

    /**
     * The enrollment no longer holds its person (rejected, withdrawn or exited): they may apply again with that
     * employer, and a post they held is free for them.
     */
    void release(String enrollmentId);

    /** A free-text note about the person, encrypted under their key like their other data; {@code null} stays null. */
    String sealNote(String keyId, String note);

    /** Every enrollment the person ever had. */
    List<String> enrollmentsOf(String personId);

    Optional<String> personOf(String enrollmentId);

    /** Destroys the person's data key and ID-number hash: everything encrypted under it becomes unreadable. */
    void erase(String personId);

    /** The data in clear, or empty once the person's key has been destroyed. */
    Optional<PersonalData> reveal(EncryptedPersonalData data);

    /** A note in clear, or empty once erased (or when there is none). */
    Optional<String> revealNote(String keyId, String noteCiphertext);

    /** The person an enrollment was registered for, and their data as the event carries it. */
    record SealedPerson(String personId, EncryptedPersonalData data) {
    }
}
