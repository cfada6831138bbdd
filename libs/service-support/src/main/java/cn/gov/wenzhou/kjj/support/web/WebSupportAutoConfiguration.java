package cn.gov.wenzhou.kjj.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Problem details for every REST API of every service. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ApiExceptionHandler.class)
public class WebSupportAutoConfiguration {
}
