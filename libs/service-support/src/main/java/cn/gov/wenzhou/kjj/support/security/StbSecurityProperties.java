package cn.gov.wenzhou.kjj.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param enabled      whether requests need a token; off only where no issuer exists yet (never in production)
 * @param corsOrigins  origins allowed to call the API from a browser; none by default (CORS closed)
 */
@ConfigurationProperties("stb.security")
public record StbSecurityProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("") List<String> corsOrigins) {
}
