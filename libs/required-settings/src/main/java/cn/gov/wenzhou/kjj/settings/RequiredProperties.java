package cn.gov.wenzhou.kjj.settings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Checks, before any bean is made, that each required property has a value: a missing one stops the start with a
 * {@link RequiredSettingException} (Spring Boot's "APPLICATION FAILED TO START" report), not with whatever fails
 * first without it. Declare it from a {@code static @Bean} method.
 */
public final class RequiredProperties implements BeanFactoryPostProcessor {

    /**
     * @param property    the Spring property the application reads
     * @param variable    the environment variable an operator sets it with
     * @param consequence what cannot work without it
     * @param action      what to do
     */
    public record Required(String property, String variable, String consequence, String action) {
    }

    private final Environment environment;
    private final List<Required> required;

    public RequiredProperties(Environment environment, List<Required> required) {
        this.environment = environment;
        this.required = List.copyOf(required);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (Required setting : required) {
            RequiredSettingException.require(environment.getProperty(setting.property()), setting.variable(),
                    setting.consequence(), setting.action());
        }
    }
}
