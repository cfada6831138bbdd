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
    private static final String ID_NUMBER = "idNumber";
    private static final String PHONE = "phone";
    private static final String NOTE = "note";

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public JdbcPersonRegistry(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        Long foreign = jdbc.queryForObject("select count(*) from personal_data_key "
                + "where wrapped_key is not null and master_key_id <> ?", Long.class, cipher.masterKeyId());
        if (foreign != null && foreign > 0) {
            throw new IllegalStateException(foreign + " personal data keys are wrapped under another master key"
                    + " than TALENT_MASTER_KEY: start with the key that wrapped them");
        }
    }

    @Override
    public SealedPerson register(String enrollmentId, PersonalData data) {
        String lookupHash = cipher.lookupHash(data.idNumber());
        String candidateKeyId = UUID.randomUUID().toString();
        jdbc.update("""
                        insert into personal_data_key (person_id, key_id, wrapped_key, master_key_id, lookup_hash,
                                                       created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (lookup_hash) do nothing""",
                UUID.randomUUID().toString(), candidateKeyId,
                cipher.wrap(cipher.newDataKey(), candidateKeyId), cipher.masterKeyId(), lookupHash,
                Timestamp.from(clock.instant()));
        StoredKey key = jdbc.queryForObject(
                "select person_id, key_id, wrapped_key from personal_data_key where lookup_hash = ?",
                (rs, row) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3)), lookupHash);
        int claimed = jdbc.update("""
                insert into person_enrollment (enrollment_id, person_id, open) values (?, ?, true)
                on conflict (person_id) where open do nothing""", enrollmentId, key.personId());
        if (claimed != 1) {
            throw new RuleViolationException("enrollment.person-already-enrolled",
                    "this person already has an open application or holds a post; one at a time");
        }
        byte[] dataKey = cipher.unwrap(key.wrappedKey(), key.keyId());
        return new SealedPerson(key.personId(), new EncryptedPersonalData(key.keyId(),
                cipher.encrypt(dataKey, key.keyId(), NAME, data.name()),
                cipher.encrypt(dataKey, key.keyId(), ID_NUMBER, data.idNumber()),
                cipher.encrypt(dataKey, key.keyId(), PHONE, data.phone())));
    }

    @Override
    public void release(String enrollmentId) {
        jdbc.update("update person_enrollment set open = false where enrollment_id = ?", enrollmentId);
    }

    @Override
    public String sealNote(String keyId, String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        return dataKey(keyId).map(key -> cipher.encrypt(key, keyId, NOTE, note.trim())).orElse(null);
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
                cipher.decrypt(key, data.keyId(), NAME, data.nameCiphertext()),
                cipher.decrypt(key, data.keyId(), ID_NUMBER, data.idNumberCiphertext()),
                cipher.decrypt(key, data.keyId(), PHONE, data.phoneCiphertext())));
    }

    @Override
    public Optional<String> revealNote(String keyId, String noteCiphertext) {
        if (keyId == null || noteCiphertext == null) {
            return Optional.empty();
        }
        return dataKey(keyId).map(key -> cipher.decrypt(key, keyId, NOTE, noteCiphertext));
    }

    private Optional<byte[]> dataKey(String keyId) {
        return jdbc.query("select wrapped_key from personal_data_key where key_id = ?",
                        (rs, row) -> Optional.ofNullable(rs.getBytes(1)), keyId)
                .stream().findFirst().flatMap(wrapped -> wrapped)
                .map(wrapped -> cipher.unwrap(wrapped, keyId));
    }

    private record StoredKey(String personId, String keyId, byte[] wrappedKey) {
    }
}
