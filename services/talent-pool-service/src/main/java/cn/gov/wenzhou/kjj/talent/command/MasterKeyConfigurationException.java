package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.settings.RequiredSettingException;

/**
 * The master keys the service was started with cannot protect its data (missing, malformed, weak, or not the keys
 * that wrapped the stored data keys): the service does not start. The message says what is wrong and never contains
 * a key; the start-up failure report (RequiredSettingFailureAnalyzer) prints it with what to do.
 */
public class MasterKeyConfigurationException extends RequiredSettingException {

    static final String GENERATE = "Generate a key with `openssl rand -base64 32`, keep it in the deployment's"
            + " secret store and set it as TALENT_MASTER_KEY (the dev stack generates its own; tests set their own)."
            + " To move data encrypted under an old key to a new one: TALENT_MASTER_KEY=<new>,"
            + " TALENT_PREVIOUS_MASTER_KEY=<old>, then POST /ops/personal-data/master-key-rotation"
            + " (docs/talent-pool-service.md, \"Rotating the master key\").";

    public MasterKeyConfigurationException(String message) {
        this(message, GENERATE);
    }

    public MasterKeyConfigurationException(String message, String action) {
        super("Personal data cannot be protected", message, action);
    }
}
