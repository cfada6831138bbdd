package cn.gov.wenzhou.kjj.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Canned service answers kept under {@code src/test/resources/stub/}. */
final class Stubs {

    private Stubs() {
    }

    static String read(String name) {
        try (InputStream in = Stubs.class.getResourceAsStream("/stub/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
