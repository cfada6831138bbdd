package cn.gov.wenzhou.kjj.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules of the root {@code pom.xml} and their compiled classes. The rules read each module's
 * {@code target/classes} and {@code target/test-classes} directly, so test code is held to them as well, and a module
 * added to the reactor is covered without anyone remembering to list it.
 */
final class Reactor {

    static final String SELF = "architecture";
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    private static JavaClasses mainClasses;
    private static JavaClasses allClasses;

    private Reactor() {
    }

    /** The project root: surefire runs a module's tests in the module's own directory. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve(SELF).resolve("pom.xml")) ? here : here.getParent();
    }

    /** Module paths as the root pom lists them ({@code services/funding-service}), this module left out. */
    static List<String> modules() {
        try {
            Matcher matcher = MODULE.matcher(Files.readString(root().resolve("pom.xml")));
            List<String> modules = new ArrayList<>();
            while (matcher.find()) {
                if (!matcher.group(1).equals(SELF)) {
                    modules.add(matcher.group(1));
                }
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path classesOf(String module) {
        return root().resolve(module).resolve("target/classes");
    }

    static Path testClassesOf(String module) {
        return root().resolve(module).resolve("target/test-classes");
    }

    /** Production classes of every module. */
    static synchronized JavaClasses mainClasses() {
        if (mainClasses == null) {
            mainClasses = importPaths(false);
        }
        return mainClasses;
    }

    /** Production and test classes of every module. */
    static synchronized JavaClasses allClasses() {
        if (allClasses == null) {
            allClasses = importPaths(true);
        }
        return allClasses;
    }

    private static JavaClasses importPaths(boolean withTests) {
        List<Path> paths = new ArrayList<>();
        for (String module : modules()) {
            addIfPresent(paths, classesOf(module));
            if (withTests) {
                addIfPresent(paths, testClassesOf(module));
            }
        }
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPaths(paths);
    }

    private static void addIfPresent(List<Path> paths, Path path) {
        if (Files.isDirectory(path)) {
            paths.add(path);
        }
    }
}
