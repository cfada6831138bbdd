package cn.gov.wenzhou.kjj.opendata.web;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.io.IOException;
import java.util.List;

/**
 * The public port's filters, in order: CORS (any origin may read, GET and HEAD only, no credentials), the rate
 * limit, and for the documentation (OpenAPI, Swagger UI) an ETag from the body and a Cache-Control; the data answers
 * make their own ETags from the datasets' versions (ConditionalAnswers).
 */
@Configuration
public class WebConfiguration {

    static final List<String> DOCUMENTATION = List.of("/open/v1/openapi", "/open/v1/openapi/*", "/open/v1/openapi.yaml",
            "/swagger-ui.html", "/swagger-ui/*");

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setAllowedHeaders(List.of("If-None-Match", "Accept", "Accept-Language"));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER,
                "RateLimit-Limit", "RateLimit-Remaining"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(OpenDataProperties properties) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(properties.rateLimit()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> documentationEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.setUrlPatterns(DOCUMENTATION);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> documentationCaching(OpenDataProperties properties) {
        String cacheControl = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic().getHeaderValue();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
                        chain.doFilter(request, response);
                    }
                });
        registration.setUrlPatterns(DOCUMENTATION);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
