package cn.gov.wenzhou.kjj.support.env;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds a YAML file of the classpath as a lowest-precedence property source: settings that must be the same in every
 * application using a library live once, with it, and an application's own yml or the environment can still override
 * them. Each set names keys of its own, so the order among several of them does not matter.
 */
public abstract class YamlDefaults implements EnvironmentPostProcessor, Ordered {

    private final String name;
    private final String resource;

    protected YamlDefaults(String name, String resource) {
        this.name = name;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, new ClassPathResource(resource));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
