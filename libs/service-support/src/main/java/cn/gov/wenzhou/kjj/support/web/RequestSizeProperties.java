package cn.gov.wenzhou.kjj.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * Request-body limits ({@link RequestSizeLimitFilter}).
 *
 * @param maxRequestSize the limit of every request body
 * @param largerBodies   paths (Ant patterns) allowed a larger body, such as a document upload; the first match wins
 */
@ConfigurationProperties("stb.web")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize maxRequestSize, List<LargerBody> largerBodies) {

    public RequestSizeProperties {
        largerBodies = largerBodies == null ? List.of() : List.copyOf(largerBodies);
    }

    public record LargerBody(String pathPattern, DataSize maxSize) {
    }
}
