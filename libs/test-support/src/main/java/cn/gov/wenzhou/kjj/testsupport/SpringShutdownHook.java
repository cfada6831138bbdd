package cn.gov.wenzhou.kjj.testsupport;

import org.springframework.boot.SpringApplication;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Spring Boot's JVM shutdown hook is installed, so that the shutdown handlers added through
 * {@link SpringApplication#getShutdownHandlers()} will run. Spring Boot installs it only once an application that
 * registers its shutdown hook has run (a test context, an application started the default way); it offers no API to
 * ask, so this reads its flag. Should that field ever move, the answer is "not installed" and the caller stops what
 * it started itself.
 */
final class SpringShutdownHook {

    private SpringShutdownHook() {
    }

    static boolean installed() {
        try {
            Field hookField = SpringApplication.class.getDeclaredField("shutdownHook");
            hookField.setAccessible(true);
            Object hook = hookField.get(null);
            Field added = hook.getClass().getDeclaredField("shutdownHookAdded");
            added.setAccessible(true);
            return ((AtomicBoolean) added.get(hook)).get();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
