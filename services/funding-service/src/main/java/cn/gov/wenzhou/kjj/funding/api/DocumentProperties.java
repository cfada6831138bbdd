package cn.gov.wenzhou.kjj.funding.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence documents.
 *
 * @param maxSize the largest document stored; a larger one is a {@code 413} naming {@code file}, and nothing is
 *                stored (the request-body limit of the upload paths, {@code stb.web.larger-bodies}, must exceed it
 *                by the multipart envelope)
 */
@ConfigurationProperties("stb.funding.documents")
public record DocumentProperties(@DefaultValue("10MB") DataSize maxSize) {
}
