package cn.gov.wenzhou.kjj.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loaders (services/*-demo, libs/demo-support) ship in no service's jar: neither the plain jar nor the
 * executable jar its image is built from (Dockerfile: {@code COPY target/<service>-*-exec.jar}), classes and bundled
 * libraries alike. The dev stack has them on its own class path instead, where each service's component scan finds its
 * loader.
 */
class ProductionJarsCarryNoDemoTest {

    private static final String OURS = "cn/gov/wenzhou/kjj/";

    @Test
    void noServiceJarNorItsBundledLibrariesCarryADemoClass() throws IOException {
        for (StackService service : StackService.values()) {
            Path target = Path.of(System.getProperty("stb.services.dir"), service.serviceName(), "target");
            String version = System.getProperty("stb.version");
            for (Path jar : List.of(target.resolve(service.serviceName() + "-" + version + "-exec.jar"),
                    target.resolve(service.serviceName() + "-" + version + ".jar"))) {
                assertThat(jar).as("built by ./mvnw install (run.sh builds it)").isRegularFile();
                assertThat(demoEntriesOf(jar)).as("demo code in %s", jar).isEmpty();
            }
        }
    }

    @Test
    void theDevStackHasEveryServicesDemoLoaderOnItsClassPath() throws ClassNotFoundException {
        for (String loader : List.of("cn.gov.wenzhou.kjj.registry.demo.RegistryDemoData",
                "cn.gov.wenzhou.kjj.funding.demo.FundingDemoData", "cn.gov.wenzhou.kjj.talent.demo.TalentDemoData",
                "cn.gov.wenzhou.kjj.support.demo.BackgroundLoad")) {
            Class<?> type = Class.forName(loader, false, getClass().getClassLoader());
            assertThat(type.getProtectionDomain().getCodeSource().getLocation().toString())
                    .as("%s comes from a demo module, not from a service", loader)
                    .containsAnyOf("-demo", "demo-support");
        }
    }

    /** Our entries under a {@code demo} package, in the jar itself and in every jar it bundles (BOOT-INF/lib). */
    private static List<String> demoEntriesOf(Path jar) throws IOException {
        List<String> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (isDemo(entry.getName())) {
                    found.add(entry.getName());
                } else if (entry.getName().endsWith(".jar")) {
                    if (Path.of(entry.getName()).getFileName().toString().startsWith("demo-support")) {
                        found.add(entry.getName());
                    }
                    try (InputStream in = file.getInputStream(entry); JarInputStream nested = new JarInputStream(in)) {
                        for (JarEntry inner = nested.getNextJarEntry(); inner != null; inner = nested.getNextJarEntry()) {
                            if (isDemo(inner.getName())) {
                                found.add(entry.getName() + "!/" + inner.getName());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A file of ours in a demo package (a directory entry alone carries nothing). */
    private static boolean isDemo(String name) {
        if (name.endsWith("/")) {
            return false;
        }
        int ours = name.indexOf(OURS);
        return ours >= 0 && name.substring(ours).contains("/demo/");
    }
}
