package cn.gov.wenzhou.kjj.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** A record's header as text safe to quote in a reason or a log line, whatever its sender put there. */
final class HeaderText {

    private static final int MAX_CHARS = 120;

    private HeaderText() {
    }

    /** Quoted, control characters replaced, at most {@value #MAX_CHARS} characters. */
    static String echo(String value) {
        if (value == null) {
            return "null";
        }
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(MAX_CHARS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + printable + (value.codePointCount(0, value.length()) > MAX_CHARS ? "…'" : "'");
    }

    static String echoHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return echo(header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8));
    }
}
