package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * One batch of a rotation, in one transaction: the next data keys still wrapped under the old master key are locked,
 * unwrapped, wrapped under the new one, and their ID-number lookup hash recomputed under the new key. A command on
 * the same person waits for the batch (or the batch for it); an erased key is skipped. Interrupted, a batch rolls
 * back whole and the next run takes it again: nothing is ever half re-wrapped.
 */
@Component
public class DataKeyRewrapper {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRewrapper.class);

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final MasterKeyRotationLedger ledger;
    private final TransactionTemplate transaction;

    public DataKeyRewrapper(JdbcTemplate jdbc, EventStore eventStore, MasterKeyRotationLedger ledger,
                            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @return how many data keys this batch re-wrapped; 0 once none is left under {@code from} */
    public int rewrapBatch(String rotationId, MasterKey from, MasterKey to, int batchSize) {
        Integer rewrapped = transaction.execute(status -> {
            List<Stored> batch = jdbc.query("""
                            select person_id, key_id, wrapped_key, lookup_hash is not null from personal_data_key
                            where master_key_id = ? and wrapped_key is not null
                            order by person_id limit ? for update""",
                    (rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBoolean(4)),
                    from.id(), batchSize);
            for (Stored key : batch) {
                byte[] dataKey = from.unwrap(key.wrappedKey(), key.keyId());
                String lookupHash = key.hasLookupHash()
                        ? idNumberOf(key.personId(), key.keyId(), dataKey).map(to::lookupHash).orElse(null)
                        : null;
                jdbc.update("update personal_data_key set wrapped_key = ?, master_key_id = ?, lookup_hash = ?"
                                + " where person_id = ?", to.wrap(dataKey, key.keyId()), to.id(), lookupHash,
                        key.personId());
            }
            if (!batch.isEmpty()) {
                ledger.progressed(rotationId, batch.size());
            }
            return batch.size();
        });
        return rewrapped == null ? 0 : rewrapped;
    }

    /**
     * The person's ID number, from the first application of theirs in the event store (the number itself is stored
     * nowhere in clear), to recompute its lookup hash under the new key.
     */
    private Optional<String> idNumberOf(String personId, String keyId, byte[] dataKey) {
        Optional<String> idNumber = jdbc.queryForList("select enrollment_id from person_enrollment where person_id = ?"
                        + " order by enrollment_id limit 1", String.class, personId).stream().findFirst()
                .flatMap(enrollmentId -> eventStore.readEvents(enrollmentId).asStream().findFirst())
                .map(DomainEventMessage::getPayload)
                .filter(EnrollmentEvents.EnrollmentApplied.class::isInstance)
                .map(EnrollmentEvents.EnrollmentApplied.class::cast)
                .filter(applied -> keyId.equals(applied.personalData().keyId()))
                .map(applied -> PersonalDataCipher.decrypt(dataKey, keyId, JdbcPersonRegistry.ID_NUMBER,
                        applied.personalData().idNumberCiphertext()));
        if (idNumber.isEmpty()) {
            // the person id is a pseudonym, not personal data
            log.warn("person {} has no application in the event store: their lookup hash is dropped", personId);
        }
        return idNumber;
    }

    private record Stored(String personId, String keyId, byte[] wrappedKey, boolean hasLookupHash) {
    }
}
