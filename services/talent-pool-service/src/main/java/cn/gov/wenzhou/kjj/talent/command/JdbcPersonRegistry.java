package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People and their data keys in {@code personal_data_key} (wrapped under the master key) and who holds an open
 * enrollment in {@code person_enrollment}. Runs inside the command's transaction (the JDBC connection Axon's unit of
 * work holds), so a refused command leaves no key and no claim behind.
 */
@Component
public class JdbcPersonRegistry implements PersonRegistry {

    private static final String NAME = "name";
    /** The field name bound into an ID number's ciphertext. */
    static final String ID_NUMBER = "idNumber";
    private static final String PHONE = "phone";
    private static final String NOTE = "note";

    private final JdbcTemplate jdbc;
    private final MasterKeys keys;
    private final Clock clock;

    public JdbcPersonRegistry(JdbcTemplate jdbc, MasterKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        requireKeysForEveryStoredDataKey();
    }

    @Override
    public SealedPerson register(String enrollmentId, String employerCreditCode, PersonalData data) {
        StoredKey key = find(data.idNumber()).orElseGet(() -> {
            String lookupHash = keys.current().lookupHash(data.idNumber());
            String candidateKeyId = UUID.randomUUID().toString();
            jdbc.update("""
                            insert into personal_data_key (person_id, key_id, wrapped_key, master_key_id, lookup_hash,
                                                           created_at)
                            values (?, ?, ?, ?, ?, ?) on conflict (lookup_hash) do nothing""",
                    UUID.randomUUID().toString(), candidateKeyId,
                    keys.current().wrap(PersonalDataCipher.newDataKey(), candidateKeyId), keys.current().id(),
                    lookupHash, Timestamp.from(clock.instant()));
            return find(data.idNumber()).orElseThrow();
        });
        int claimed = jdbc.update("""
                insert into person_enrollment (enrollment_id, person_id, employer_credit_code, open)
                values (?, ?, ?, true) on conflict (person_id, employer_credit_code) where open do nothing""",
                enrollmentId, key.personId(), employerCreditCode);
        if (claimed != 1) {
            // only the caller's own enrollments are spoken of: another employer's never shows here
            throw new RuleViolationException("enrollment.person-already-enrolled",
                    "this employer already has an open application for this person, or they hold a post through it");
        }
        byte[] dataKey = keys.byId(key.masterKeyId()).unwrap(key.wrappedKey(), key.keyId());
        return new SealedPerson(key.personId(), new EncryptedPersonalData(key.keyId(),
                PersonalDataCipher.encrypt(dataKey, key.keyId(), NAME, data.name()),
                PersonalDataCipher.encrypt(dataKey, key.keyId(), ID_NUMBER, data.idNumber()),
                PersonalDataCipher.encrypt(dataKey, key.keyId(), PHONE, data.phone())));
    }

    @Override
    public void holdPost(String enrollmentId) {
        String personId = personOf(enrollmentId).orElseThrow(() -> new IllegalStateException(
                "enrollment " + enrollmentId + " has no person"));
        int held = jdbc.update("insert into person_post (person_id, enrollment_id) values (?, ?)"
                + " on conflict (person_id) do nothing", personId, enrollmentId);
        if (held != 1) {
            String holder = jdbc.queryForObject("select enrollment_id from person_post where person_id = ?",
                    String.class, personId);
            if (!enrollmentId.equals(holder)) {
                throw new RuleViolationException("admission.person-holds-post", "this person already holds a post"
                        + " in the pool through enrollment " + holder + ": one person, one post; exit it first");
            }
        }
    }

    @Override
    public void release(String enrollmentId) {
        jdbc.update("update person_enrollment set open = false where enrollment_id = ?", enrollmentId);
        jdbc.update("delete from person_post where enrollment_id = ?", enrollmentId);
    }

    @Override
    public String sealNote(String keyId, String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        return dataKey(keyId).map(key -> PersonalDataCipher.encrypt(key, keyId, NOTE, note.trim())).orElse(null);
    }

    @Override
    public List<String> enrollmentsOf(String personId) {
        return jdbc.queryForList("select enrollment_id from person_enrollment where person_id = ? "
                + "order by enrollment_id", String.class, personId);
    }

    @Override
    public Optional<String> personOf(String enrollmentId) {
        return jdbc.queryForList("select person_id from person_enrollment where enrollment_id = ?", String.class,
                enrollmentId).stream().findFirst();
    }

    @Override
    public void erase(String personId) {
        jdbc.update("update personal_data_key set wrapped_key = null, lookup_hash = null, erased_at = ? "
                + "where person_id = ?", Timestamp.from(clock.instant()), personId);
    }

    @Override
    public Optional<PersonalData> reveal(EncryptedPersonalData data) {
        if (data == null || data.keyId() == null || data.nameCiphertext() == null) {
            return Optional.empty();
        }
        return dataKey(data.keyId()).map(key -> new PersonalData(
                PersonalDataCipher.decrypt(key, data.keyId(), NAME, data.nameCiphertext()),
                PersonalDataCipher.decrypt(key, data.keyId(), ID_NUMBER, data.idNumberCiphertext()),
                PersonalDataCipher.decrypt(key, data.keyId(), PHONE, data.phoneCiphertext())));
    }

    @Override
    public Optional<String> revealNote(String keyId, String noteCiphertext) {
        if (keyId == null || noteCiphertext == null) {
            return Optional.empty();
        }
        return dataKey(keyId).map(key -> PersonalDataCipher.decrypt(key, keyId, NOTE, noteCiphertext));
    }

    /**
     * The person with this ID number, found under the lookup hash of either master key held (during a rotation a
     * person's hash is recomputed under the new key), locked until the command commits: a rotation re-wrapping the
     * same key waits, and an erasure too.
     */
    private Optional<StoredKey> find(String idNumber) {
        List<String> hashes = keys.lookupHashes(idNumber);
        return jdbc.query("select person_id, key_id, wrapped_key, master_key_id from personal_data_key"
                        + " where lookup_hash in (" + String.join(", ", hashes.stream().map(h -> "?").toList())
                        + ") order by person_id limit 1 for update",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)),
                hashes.toArray()).stream().findFirst();
    }

    private Optional<byte[]> dataKey(String keyId) {
        return jdbc.query("select wrapped_key, master_key_id from personal_data_key where key_id = ?",
                        (rs, row) -> new Wrapped(rs.getBytes(1), rs.getString(2)), keyId)
                .stream().findFirst().filter(stored -> stored.key() != null)
                .map(stored -> keys.byId(stored.masterKeyId()).unwrap(stored.key(), keyId));
    }

    /**
     * Refuses to start when a stored data key is wrapped under a master key the service was not given: better now
     * than on the first read of that person.
     */
    private void requireKeysForEveryStoredDataKey() {
        jdbc.query("select master_key_id, count(*) from personal_data_key where wrapped_key is not null"
                + " group by master_key_id order by master_key_id", rs -> {
            String masterKeyId = rs.getString(1);
            if (keys.holds(masterKeyId)) {
                return;
            }
            String held = MasterKeys.CURRENT_VARIABLE + " is " + keys.current().id()
                    + keys.previous().map(previous -> ", " + MasterKeys.PREVIOUS_VARIABLE + " is " + previous.id())
                    .orElse(", " + MasterKeys.PREVIOUS_VARIABLE + " is not set");
            String message = rs.getLong(2) + " personal data keys are wrapped under master key " + masterKeyId
                    + ", which the service was not given (" + held + ").";
            if (MasterKey.PUBLISHED_DEVELOPMENT_KEY_ID.equals(masterKeyId)) {
                throw new MasterKeyConfigurationException(message + " It is the development key once published in"
                        + " the repository.", "A dev stack's data directory from before the key became required:"
                        + " start it afresh with ./run.sh --clean (demo data only). A deployment that ran without"
                        + " TALENT_MASTER_KEY: its data is readable by anyone with the repository; set the published"
                        + " key (from the repository's history) as TALENT_PREVIOUS_MASTER_KEY and a new one as"
                        + " TALENT_MASTER_KEY, and rotate at once (docs/talent-pool-service.md, \"Rotating the"
                        + " master key\").");
            }
            throw new MasterKeyConfigurationException(message, "Start with the master key that wrapped them, as"
                    + " TALENT_MASTER_KEY, or as TALENT_PREVIOUS_MASTER_KEY to finish a rotation away from it"
                    + " (docs/talent-pool-service.md, \"Rotating the master key\").");
        });
    }

    private record Wrapped(byte[] key, String masterKeyId) {
    }

    private record StoredKey(String personId, String keyId, byte[] wrappedKey, String masterKeyId) {
    }
}
