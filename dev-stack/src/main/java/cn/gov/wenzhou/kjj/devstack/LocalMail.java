package cn.gov.wenzhou.kjj.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stack's own mail server, in-process: a real SMTP server (GreenMail) on loopback that the services send their
 * notices to, an IMAP server on which each recipient reads its own mail (user and password: the address), and a plain
 * text page listing everything received, newest first. Nothing leaves the machine.
 */
public final class LocalMail implements AutoCloseable {

    public static final int SMTP_PORT = 2525;
    public static final int IMAP_PORT = 2143;
    public static final int PAGE_PORT = 8025;
    private static final String HOST = "127.0.0.1";

    private final GreenMail server;
    private final HttpServer page;
    private final int smtpPort;
    private final int imapPort;

    private LocalMail(GreenMail server, HttpServer page, int smtpPort, int imapPort) {
        this.server = server;
        this.page = page;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static LocalMail start(int smtpPort, int imapPort, int pagePort) throws IOException {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)});
        server.start();
        HttpServer page;
        try {
            page = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), pagePort), 0);
        } catch (IOException e) {
            server.stop();
            throw e;
        }
        LocalMail mail = new LocalMail(server, page, smtpPort, imapPort);
        page.createContext("/", exchange -> {
            byte[] body = mail.listing().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        page.start();
        return mail;
    }

    /** What a service needs to send here: the relay and a short poll, so a notice shows within seconds. */
    public Map<String, String> serviceProperties() {
        return Map.of("stb.mail.smtp.host", HOST, "stb.mail.smtp.port", String.valueOf(smtpPort),
                "stb.mail.poll-interval", "PT5S");
    }

    public String pageUrl() {
        return "http://localhost:" + page.getAddress().getPort() + "/";
    }

    public String banner() {
        return String.format("  Mail        %s  (everything the services sent; SMTP localhost:%d, IMAP localhost:%d:"
                + " user and password = the recipient address)%n", pageUrl(), smtpPort, imapPort);
    }

    /** Every message received, newest first, as plain text (never interpreted by the browser). */
    String listing() {
        List<MimeMessage> messages = Arrays.asList(server.getReceivedMessages());
        StringBuilder text = new StringBuilder("Mail received by the dev stack (").append(messages.size())
                .append(" messages, newest first)\n\n");
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage message = messages.get(i);
            try {
                text.append("=".repeat(100)).append('\n')
                        .append("Date:    ").append(message.getSentDate() == null ? "" : DateTimeFormatter
                                .ISO_INSTANT.format(message.getSentDate().toInstant())).append('\n')
                        .append("From:    ").append(addresses(message.getFrom())).append('\n')
                        .append("To:      ").append(addresses(message.getAllRecipients())).append('\n')
                        .append("Subject: ").append(message.getSubject()).append('\n')
                        .append("Id:      ").append(message.getMessageID()).append("\n\n")
                        .append(String.valueOf(message.getContent()).strip()).append("\n\n");
            } catch (MessagingException | IOException e) {
                text.append("(unreadable message: ").append(e.getClass().getSimpleName()).append(")\n\n");
            }
        }
        return text.toString();
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        page.stop(0);
        server.stop();
    }
}
