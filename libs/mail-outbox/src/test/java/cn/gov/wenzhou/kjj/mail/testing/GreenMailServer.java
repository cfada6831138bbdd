package cn.gov.wenzhou.kjj.mail.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free loopback port, for tests: {@link #shared()} is one per test JVM, started on
 * first use; {@link #onFreePort()} a private one that a test may stop and start again (a relay outage). Messages are
 * read back with {@link #received()}.
 */
public final class GreenMailServer implements AutoCloseable {

    private static GreenMailServer shared;

    private final int port;
    private GreenMail server;

    private GreenMailServer(int port) {
        this.port = port;
    }

    public static synchronized GreenMailServer shared() {
        if (shared == null) {
            shared = onFreePort();
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "greenmail-stop"));
        }
        return shared;
    }

    /** A server on a port free now, not started yet. */
    public static GreenMailServer onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new GreenMailServer(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public synchronized GreenMailServer start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, host(), ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return this;
    }

    /** Stops the server (its received mail is dropped): connections to its port are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /** The messages received for {@code address}. */
    public List<MimeMessage> receivedFor(String address) {
        return received().stream().filter(message -> recipients(message).contains(address)).toList();
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
