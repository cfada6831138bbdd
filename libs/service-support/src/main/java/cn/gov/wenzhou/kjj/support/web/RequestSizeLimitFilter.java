package cn.gov.wenzhou.kjj.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses request bodies larger than {@code stb.web.max-request-size} (or a path's {@code stb.web.larger-bodies}
 * limit) with {@code 413}: by their declared length
 * before reading anything, and by counting while reading when the length is not declared (chunked). Tomcat limits
 * headers and form posts only; a JSON body would otherwise be unbounded.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final List<RequestSizeProperties.LargerBody> largerBodies;
    private final AntPathMatcher paths = new AntPathMatcher();

    public RequestSizeLimitFilter(long maxBytes) {
        this(new RequestSizeProperties(DataSize.ofBytes(maxBytes), List.of()));
    }

    public RequestSizeLimitFilter(RequestSizeProperties limits) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.largerBodies = limits.largerBodies();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response, maxBytes);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, maxBytes);
            }
        }
    }

    private long limitFor(String path) {
        for (RequestSizeProperties.LargerBody larger : largerBodies) {
            if (paths.match(larger.pathPattern(), path)) {
                return larger.maxSize().toBytes();
            }
        }
        return maxBytes;
    }

    private void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"https://kjj.wenzhou.gov.cn/problems/too-large\","
                + "\"title\":\"Request too large\",\"status\":413,\"detail\":\"The request body exceeds "
                + maxBytes + " bytes.\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Thrown from a body read that passes the limit; unwinds to the filter. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream body = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new TooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new TooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
