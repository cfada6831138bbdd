package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import cn.gov.wenzhou.kjj.opendata.query.Dataset;
import cn.gov.wenzhou.kjj.opendata.query.Datasets;
import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Page;
import cn.gov.wenzhou.kjj.opendata.query.Versions;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.Collection;
import java.util.function.Function;

/**
 * Every answer of the open data carries an ETag and Cache-Control. The ETag is made of the versions of the datasets
 * the answer reads (one small query), so a conditional GET that matches is answered {@code 304} without reading any
 * data or opening a transaction; otherwise the versions and the data are read in one snapshot, so the body is exactly
 * what the ETag names.
 */
@Component
public class ConditionalAnswers {

    private final Datasets datasets;
    private final TransactionTemplate snapshot;
    private final CacheControl cacheControl;

    public ConditionalAnswers(Datasets datasets, PlatformTransactionManager transactions,
                              OpenDataProperties properties) {
        this.datasets = datasets;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.cacheControl = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic();
    }

    /** The answer, or {@code 304 Not Modified} (body {@code null}) when the client's ETag still matches. */
    public <T> ResponseEntity<T> answer(ServletWebRequest request, Collection<Dataset> reads,
                                        Function<Versions, T> body) {
        // a conditional GET that matches reads one row, outside any transaction
        if (notModified(request, datasets.current().etagOf(reads))) {
            return null;
        }
        return snapshot.execute(status -> {
            Versions versions = datasets.current();
            String etag = versions.etagOf(reads);
            if (notModified(request, etag)) {
                return null;
            }
            T answer = body.apply(versions);
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).cacheControl(cacheControl);
            if (answer instanceof Page<?> page && page.next() != null) {
                ok.header(HttpHeaders.LINK, "<" + page.next() + ">; rel=\"next\"");
            }
            return ok.body(answer);
        });
    }

    /** An answer's headers, for one streamed after the controller returns (it sets no others). */
    public ResponseEntity.BodyBuilder ok(String etag) {
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl);
    }

    /** The versions now, for answers streamed after the controller returns. */
    public Versions current() {
        return datasets.current();
    }

    /**
     * Whether the client's copy (If-None-Match, weak comparison) is still current; if so the answer is {@code 304}
     * with its ETag and Cache-Control, and no body. Nothing is set otherwise, so an answer that then fails carries no
     * ETag of a representation it does not have.
     */
    public boolean notModified(ServletWebRequest request, String etag) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || !matches(ifNoneMatch, etag)) {
            return false;
        }
        HttpServletResponse response = request.getResponse();
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl.getHeaderValue());
        return true;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        String current = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
