package cn.gov.wenzhou.kjj.talent.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param masterKey         base64 of 32 random bytes, from {@code TALENT_MASTER_KEY}: required, and refused when weak
 *                          (there is no default key, not even for development: the dev stack and tests set their own)
 * @param previousMasterKey the key being rotated away from ({@code TALENT_PREVIOUS_MASTER_KEY}), only while a
 *                          rotation runs: data keys wrapped under it stay readable until they are re-wrapped
 * @param rotation          how the re-wrapping proceeds
 */
@ConfigurationProperties("stb.talent.personal-data")
public record PersonalDataProperties(@Redacted String masterKey, @Redacted String previousMasterKey,
                                     @DefaultValue Rotation rotation) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }

    /**
     * @param batchSize           data keys re-wrapped per transaction (1 to 10,000)
     * @param pauseBetweenBatches a pause after each batch (0 to 1 minute), to keep the rotation's load on the
     *                            database low while the service answers
     */
    public record Rotation(@DefaultValue("200") int batchSize, @DefaultValue("0s") Duration pauseBetweenBatches) {

        public Rotation {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("stb.talent.personal-data.rotation.batch-size must be between 1"
                        + " and 10000");
            }
            if (pauseBetweenBatches.isNegative() || pauseBetweenBatches.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("stb.talent.personal-data.rotation.pause-between-batches must be"
                        + " between 0 and 1 minute");
            }
        }
    }
}
