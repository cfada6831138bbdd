package cn.gov.wenzhou.kjj.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A free TCP port on the loopback interface, for a server started right after (an embedded broker, a child JVM, a
 * browser stack's console): everything the project starts listens on loopback only, so the port is asked there.
 * Another process may take the port in between; the servers that use it fail loudly at start-up if so.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
