package cn.gov.wenzhou.kjj.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.List;

/**
 * What the API document says of itself ({@code stb.api-document}): its licence and where the API is served.
 *
 * @param licenseName the licence of the document (not of the data behind the API)
 * @param licenseUrl  the licence's text
 * @param servers     where callers reach this service (a deployment names its public URL, e.g. by
 *                    {@code API_PUBLIC_URL}); none configured: the URL the document was fetched from, which is right
 *                    on the dev stack and behind a proxy that forwards its headers
 */
@ConfigurationProperties("stb.api-document")
public record ApiDocumentProperties(@DefaultValue("CC BY 4.0") String licenseName,
                                    @DefaultValue("https://creativecommons.org/licenses/by/4.0/") URI licenseUrl,
                                    @DefaultValue List<Server> servers) {

    public ApiDocumentProperties {
        servers = servers == null ? List.of() : servers.stream().filter(s -> s.url() != null
                && !s.url().toString().isBlank()).toList();
    }

    /** One server of the document. */
    public record Server(URI url, @DefaultValue("") String description) {
    }
}
