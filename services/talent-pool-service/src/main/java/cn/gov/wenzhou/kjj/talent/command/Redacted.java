package cn.gov.wenzhou.kjj.talent.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that holds a person's data in clear (a name, an ID number, a phone, a note staff wrote about
 * them) or a secret: the record's {@code toString} shows {@code ***} instead ({@link Redaction#toString(Record)}), so
 * a log line, an exception message or a debugger's view of a request, command or response never carries it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Redacted {
}
