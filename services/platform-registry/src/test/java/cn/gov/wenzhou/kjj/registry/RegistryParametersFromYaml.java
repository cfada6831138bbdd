package cn.gov.wenzhou.kjj.registry;

import cn.gov.wenzhou.kjj.registry.command.EvaluationParameters;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.ObligationParameters;
import cn.gov.wenzhou.kjj.registry.query.CityTargets;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The rule parameters exactly as {@code platform-registry.yml} ships them, bound without a Spring context. */
public final class RegistryParametersFromYaml {

    private static final Binder BINDER = binder();

    private RegistryParametersFromYaml() {
    }

    public static EvaluationParameters evaluation() {
        return BINDER.bind("stb.registry.evaluation", EvaluationParameters.class).get();
    }

    public static ObligationParameters obligations() {
        return BINDER.bind("stb.registry.obligations", ObligationParameters.class).get();
    }

    public static IndustryCodeTable industries() {
        return BINDER.bind("stb.registry.industries", IndustryCodeTable.class).get();
    }

    public static CityTargets targets() {
        return BINDER.bind("stb.registry.targets", CityTargets.class).get();
    }

    private static Binder binder() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("platform-registry",
                    new ClassPathResource(RegistryApplication.CONFIG_NAME + ".yml"))) {
                environment.getPropertySources().addLast(source);
            }
            return new Binder(ConfigurationPropertySources.get(environment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
