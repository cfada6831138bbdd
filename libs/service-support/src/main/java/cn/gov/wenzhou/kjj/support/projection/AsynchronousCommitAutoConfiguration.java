package cn.gov.wenzhou.kjj.support.projection;

import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The publisher's commits do not wait for the disk ({@link AsynchronousProjectionCommits}), unless turned off. */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(AsynchronousCommitProperties.class)
public class AsynchronousCommitAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = AsynchronousCommitProperties.PREFIX + ".enabled", matchIfMissing = true)
    public AsynchronousProjectionCommits asynchronousProjectionCommits(ListableBeanFactory beans, JdbcTemplate jdbc,
                                                                       AsynchronousCommitProperties properties) {
        return new AsynchronousProjectionCommits(beans, jdbc, properties.projections());
    }
}
