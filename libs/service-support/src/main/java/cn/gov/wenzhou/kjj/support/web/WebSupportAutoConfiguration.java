package cn.gov.wenzhou.kjj.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;

/**
 * Problem details, request-size limits, the rate limit on writes and strict business dates for every REST API of every
 * service.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ApiExceptionHandler.class)
@EnableConfigurationProperties({WriteRateLimitProperties.class, RequestSizeProperties.class})
public class WebSupportAutoConfiguration {

    /** Right after the security filters, which authenticate the caller it counts for. */
    @Bean
    @ConditionalOnProperty(name = "stb.rate-limit.writes.enabled", havingValue = "true", matchIfMissing = true)
    public FilterRegistrationBean<WriteRateLimitFilter> writeRateLimit(WriteRateLimitProperties properties) {
        FilterRegistrationBean<WriteRateLimitFilter> registration =
                new FilterRegistrationBean<>(new WriteRateLimitFilter(properties, System::nanoTime));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Before security, so an oversized body is refused before anything else reads it. */
    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(RequestSizeProperties limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Every {@code LocalDate} in a request body: {@code YYYY-MM-DD} or absent ({@link BusinessDateInput}). */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer businessDatesInJson() {
        // the builder registers these last, after the JavaTimeModule, so this reader replaces Jackson's lenient one
        return builder -> builder.deserializerByType(LocalDate.class, new BusinessDateInput.Deserializer());
    }

    /** Every {@code LocalDate} query or path parameter, the same way. */
    @Bean
    public WebMvcConfigurer businessDatesInParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, LocalDate.class, new BusinessDateInput.ParameterConverter());
            }
        };
    }
}
