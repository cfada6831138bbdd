package cn.gov.wenzhou.kjj.funding;

import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** funding-service running on real PostgreSQL and Kafka, with its own configuration file. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest(properties = "spring.config.name=" + FundingApplication.CONFIG_NAME)
public @interface FundingIntegrationTest {
}
