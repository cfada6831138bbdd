package cn.gov.wenzhou.kjj.talent.command;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey base64 of 32 random bytes, from {@code TALENT_MASTER_KEY}; blank means the published development
 *                  key ({@link PersonalDataCipher#DEVELOPMENT_MASTER_KEY}), for the dev stack and tests only
 */
@ConfigurationProperties("stb.talent.personal-data")
public record PersonalDataProperties(String masterKey) {
}
