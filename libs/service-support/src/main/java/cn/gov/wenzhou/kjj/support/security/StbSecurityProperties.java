package cn.gov.wenzhou.kjj.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param corsOrigins  origins allowed to call the API from a browser; none by default (CORS closed)
 */
@ConfigurationProperties("stb.security")
public record StbSecurityProperties(@DefaultValue("") List<String> corsOrigins) {
}
