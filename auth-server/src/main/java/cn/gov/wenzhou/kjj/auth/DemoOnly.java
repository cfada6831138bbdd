package cn.gov.wenzhou.kjj.auth;

import cn.gov.wenzhou.kjj.settings.RequiredSettingException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The demo issuer cannot be mistaken for a production one: its clients' and users' secrets are published in
 * {@code auth-server.yml}. It listens on loopback and issues for a loopback URL; a non-loopback bind address or issuer
 * URL stops the start unless {@code AUTH_DEMO=true} says, explicitly, that this is a demo.
 */
public final class DemoOnly implements BeanFactoryPostProcessor {

    static final String CONSEQUENCE = "The demo issuer would hand its published demo secrets to a network";
    static final String ACTION = "Production services trust the bureau's own OIDC issuer (OIDC_ISSUER_URI), never"
            + " this one. To show a demo beyond this machine (compose's demo-issuer profile), set AUTH_DEMO=true.";

    private final Environment environment;

    public DemoOnly(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment.getProperty("stb.auth.issuer"), environment.getProperty("server.address"),
                environment.getProperty("stb.auth.demo", Boolean.class, false));
    }

    /** Refuses a non-loopback issuer URL or bind address unless {@code demo}. */
    static void check(String issuer, String bindAddress, boolean demo) {
        if (demo) {
            return;
        }
        String issuerHost = issuer == null ? null : URI.create(issuer).getHost();
        if (!isLoopback(issuerHost)) {
            throw new RequiredSettingException(CONSEQUENCE, "OIDC_ISSUER " + issuer + " is not a loopback URL and"
                    + " AUTH_DEMO is not true.", ACTION);
        }
        if (bindAddress == null || bindAddress.isBlank() || !isLoopback(bindAddress)) {
            throw new RequiredSettingException(CONSEQUENCE, "AUTH_BIND_ADDRESS " + (bindAddress == null
                    || bindAddress.isBlank() ? "(every interface)" : bindAddress) + " is not loopback and AUTH_DEMO"
                    + " is not true.", ACTION);
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
            return false; // a host name: never looked up, a DNS answer must not decide this
        }
        try {
            return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
