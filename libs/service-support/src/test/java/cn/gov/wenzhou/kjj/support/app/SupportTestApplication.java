package cn.gov.wenzhou.kjj.support.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that exercises the support library on real PostgreSQL and Kafka. */
@SpringBootApplication
public class SupportTestApplication {

    public static final String CONFIG = "spring.config.name=support-test";
}
