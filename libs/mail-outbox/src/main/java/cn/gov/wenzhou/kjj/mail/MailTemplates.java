package cn.gov.wenzhou.kjj.mail;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a notice from {@code classpath:mail/<name>.txt}, a Thymeleaf TEXT template in UTF-8 ({@code [(${year})]}
 * inserts a value). The template's first line is the subject, the rest after one blank line the body. Plain text:
 * nothing is interpreted as markup, so a value cannot inject any.
 */
public class MailTemplates {

    private final SpringTemplateEngine engine;

    public MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public record RenderedMail(String subject, String body) {
    }

    public RenderedMail render(String template, Map<String, String> values) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        values.forEach(context::setVariable);
        String text = engine.process(template, context).replace("\r\n", "\n");
        int endOfSubject = text.indexOf('\n');
        if (endOfSubject <= 0) {
            throw new IllegalStateException("mail template " + template + " has no subject line followed by a body");
        }
        String subject = text.substring(0, endOfSubject).strip();
        String body = text.substring(endOfSubject + 1).replaceFirst("^\n", "");
        return new RenderedMail(subject, body);
    }
}
