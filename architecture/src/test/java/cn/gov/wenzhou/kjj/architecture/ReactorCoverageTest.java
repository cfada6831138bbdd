package cn.gov.wenzhou.kjj.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules only prove something if they saw every module's classes. */
class ReactorCoverageTest {

    @Test
    void everyModuleOfTheReactorIsBuiltBeforeTheRulesRead() throws IOException {
        String ownPom = Files.readString(Reactor.root().resolve(Reactor.SELF).resolve("pom.xml"));
        for (String module : Reactor.modules()) {
            String artifactId = Path.of(module).getFileName().toString();
            assertThat(ownPom)
                    .as("architecture/pom.xml lists %s as a dependency, so the reactor builds it first", module)
                    .contains("<artifactId>" + artifactId + "</artifactId>");
            // a module of tests alone (fault-suite) has test classes and no classes
            assertThat(Files.isDirectory(Reactor.classesOf(module)) || Files.isDirectory(Reactor.testClassesOf(module)))
                    .as("%s is compiled (run the rules from the root build: ./mvnw verify)", module)
                    .isTrue();
        }
    }

    @Test
    void theRulesReadTestClassesToo() {
        List<String> modules = Reactor.modules();
        assertThat(modules).contains("services/funding-service", "libs/service-support");
        assertThat(Reactor.allClasses().contain("cn.gov.wenzhou.kjj.funding.command.ProjectSnapshotTest")).isTrue();
    }
}
