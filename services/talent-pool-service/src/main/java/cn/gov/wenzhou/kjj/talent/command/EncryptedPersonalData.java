package cn.gov.wenzhou.kjj.talent.command;

/**
 * A hire's personal data as events carry it: AES-GCM ciphertexts under the person's own data key, named by
 * {@code keyId}. The key lives apart from the events (table {@code personal_data_key}); erasing the person destroys
 * it, and with it every copy of these ciphertexts becomes unreadable, in the event store, snapshots and views alike.
 */
public record EncryptedPersonalData(String keyId, String nameCiphertext, String idNumberCiphertext,
                                    String phoneCiphertext) {
}
