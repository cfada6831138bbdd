package cn.gov.wenzhou.kjj.talent.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The master keys the service holds: the current one, which wraps every new data key, and while a rotation runs the
 * previous one, which still opens the data keys not re-wrapped yet. A stored data key names the master key that
 * wrapped it, so a read works under either.
 */
public final class MasterKeys {

    public static final String CURRENT_VARIABLE = "TALENT_MASTER_KEY";
    public static final String PREVIOUS_VARIABLE = "TALENT_PREVIOUS_MASTER_KEY";

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    private final MasterKey current;
    private final MasterKey previous;

    MasterKeys(MasterKey current, MasterKey previous) {
        this.current = current;
        this.previous = previous;
    }

    /**
     * The keys configured, or a refusal to start: the current key is required and must be strong; the previous one
     * may be weak (retiring a weak key is what a rotation is for) but must be well-formed and another key.
     */
    public static MasterKeys from(PersonalDataProperties properties) {
        if (isBlank(properties.masterKey())) {
            throw new MasterKeyConfigurationException(CURRENT_VARIABLE + " is not set. talent-pool-service encrypts"
                    + " every person's name, ID number and phone under it and has no default key.");
        }
        MasterKey current = MasterKey.parse(properties.masterKey(), CURRENT_VARIABLE);
        current.weakness().ifPresent(weakness -> {
            throw new MasterKeyConfigurationException(CURRENT_VARIABLE + " is weak: " + weakness + ".");
        });
        MasterKey previous = null;
        if (!isBlank(properties.previousMasterKey())) {
            previous = MasterKey.parse(properties.previousMasterKey(), PREVIOUS_VARIABLE);
            if (previous.id().equals(current.id())) {
                throw new MasterKeyConfigurationException(PREVIOUS_VARIABLE + " is the same key as "
                        + CURRENT_VARIABLE + ": a rotation needs a new key.");
            }
            String previousId = previous.id();
            previous.weakness().ifPresent(weakness -> log.warn("{} (master key {}) is weak: {}; rotate every data"
                    + " key away from it now", PREVIOUS_VARIABLE, previousId, weakness));
            log.info("personal data master key {} in use; previous key {} still opens data keys it wrapped",
                    current.id(), previous.id());
        } else {
            log.info("personal data master key {} in use", current.id());
        }
        return new MasterKeys(current, previous);
    }

    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> previous() {
        return Optional.ofNullable(previous);
    }

    public boolean holds(String masterKeyId) {
        return current.id().equals(masterKeyId) || previous != null && previous.id().equals(masterKeyId);
    }

    /** The key that wrapped a stored data key. */
    public MasterKey byId(String masterKeyId) {
        if (current.id().equals(masterKeyId)) {
            return current;
        }
        if (previous != null && previous.id().equals(masterKeyId)) {
            return previous;
        }
        throw new IllegalStateException("a personal data key is wrapped under master key " + masterKeyId
                + ", which this service does not hold");
    }

    /** The ID number's lookup hash under every key held, the current one first. */
    public List<String> lookupHashes(String idNumber) {
        List<String> hashes = new ArrayList<>(2);
        hashes.add(current.lookupHash(idNumber));
        if (previous != null) {
            hashes.add(previous.lookupHash(idNumber));
        }
        return hashes;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
