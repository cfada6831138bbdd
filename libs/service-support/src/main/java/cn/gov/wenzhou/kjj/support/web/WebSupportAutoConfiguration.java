package cn.gov.wenzhou.kjj.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Problem details and request-size limits for every REST API of every service. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ApiExceptionHandler.class)
public class WebSupportAutoConfiguration {

    /** Before security, so an oversized body is refused before anything else reads it. */
    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${stb.web.max-request-size:1MB}") DataSize maxRequestSize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxRequestSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
