package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.mail.MailOutboxAutoConfiguration;
import cn.gov.wenzhou.kjj.mail.MailOutboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's in-process mail server receives over SMTP and shows what it received on its page, as plain text. */
class LocalMailTest {

    @Test
    void whatTheServicesSendIsReadableOnTheMailPage() throws Exception {
        try (LocalMail mail = LocalMail.start(freePort(), freePort(), freePort())) {
            int smtpPort = Integer.parseInt(mail.serviceProperties().get("stb.mail.smtp.port"));
            JavaMailSenderImpl sender = MailOutboxAutoConfiguration.smtpSender(new MailOutboxProperties.Smtp(
                    mail.serviceProperties().get("stb.mail.smtp.host"), smtpPort, null, null, false,
                    Duration.ofSeconds(5)));
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("noreply@kjj.wenzhou.gov.cn");
            message.setTo("platform0@demo.kjj-wenzhou.example.cn");
            message.setSubject("【温州市科学技术局】2025年度报告未交 <script>");
            message.setText("瓯江实验室：贵单位2025年度报告未提交。");
            sender.send(message);

            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mail.pageUrl())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(page.body()).contains("(1 messages").contains("platform0@demo.kjj-wenzhou.example.cn")
                    .contains("【温州市科学技术局】2025年度报告未交 <script>").contains("贵单位2025年度报告未提交");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
