package cn.gov.wenzhou.kjj.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a client over its rate limit: {@code 429} with {@code Retry-After} (seconds), never cached, and an
 * RFC 9457 problem detail of type {@value #TYPE} with {@code retryAfterSeconds}.
 */
public final class TooManyRequests {

    public static final String TYPE = "https://kjj.wenzhou.gov.cn/problems/rate-limited";

    private TooManyRequests() {
    }

    /** @param detail what was limited (plain text, no client data) */
    public static void write(HttpServletRequest request, HttpServletResponse response, TokenBuckets.Decision decision,
                             String detail) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        String body = "{\"type\":\"" + TYPE + "\",\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":" + quoted(detail + "; try again in " + decision.retryAfterSeconds() + " s")
                + ",\"instance\":" + quoted(request.getRequestURI())
                + ",\"retryAfterSeconds\":" + decision.retryAfterSeconds() + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
