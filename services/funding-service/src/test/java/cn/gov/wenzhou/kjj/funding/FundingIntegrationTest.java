package cn.gov.wenzhou.kjj.funding;

import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * funding-service running on real PostgreSQL and Kafka, with its own configuration file; the reporting deadline sweep
 * does not start by itself (tests call it with the business date they mean).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest(properties = {"spring.config.name=" + FundingApplication.CONFIG_NAME,
        // the reporting sweep runs when a test calls it with its business date, never by itself in the middle of one
        "stb.funding.reporting-sweep-delay=P3650D"})
public @interface FundingIntegrationTest {
}
