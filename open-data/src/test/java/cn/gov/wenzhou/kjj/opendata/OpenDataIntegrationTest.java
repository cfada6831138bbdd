package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * open-data on real PostgreSQL and Kafka with its own configuration file; one context for every test of the module.
 * The rate limit believes the loopback proxy's X-Forwarded-For, so each test speaks as a client of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest(properties = {
        "spring.config.name=" + OpenDataApplication.CONFIG_NAME,
        "open-data.publisher.credit-code=" + OpenDataTestSupport.FUNDER_CREDIT_CODE,
        "open-data.public-url=https://open.example.test",
        "open-data.rate-limit.trusted-proxies=127.0.0.1",
        "open-data.rate-limit.burst=" + OpenDataTestSupport.BURST,
        "open-data.rate-limit.requests-per-minute=120"})
public @interface OpenDataIntegrationTest {
}
