package cn.gov.wenzhou.kjj.auth;

import cn.gov.wenzhou.kjj.settings.RequiredSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000", "http://127.0.0.1:9000", "http://[::1]:9000"})
    void aLoopbackIssuerOnLoopbackStarts(String issuer) {
        assertThatCode(() -> DemoOnly.check(issuer, "127.0.0.1", false)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sso.wenzhou.gov.cn", "http://auth-server:9000", "http://10.0.0.5:9000"})
    void aNonLoopbackIssuerIsRefusedUnlessItSaysDemo(String issuer) {
        assertThatThrownBy(() -> DemoOnly.check(issuer, "127.0.0.1", false))
                .isInstanceOf(RequiredSettingException.class).hasMessageContaining("AUTH_DEMO is not true");
        assertThatCode(() -> DemoOnly.check(issuer, "0.0.0.0", true)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "", "192.168.1.20"})
    void listeningBeyondLoopbackIsRefusedUnlessItSaysDemo(String bindAddress) {
        assertThatThrownBy(() -> DemoOnly.check("http://localhost:9000", bindAddress, false))
                .isInstanceOf(RequiredSettingException.class).hasMessageContaining("AUTH_BIND_ADDRESS");
    }

    @Test
    void theIssuerDoesNotStartForAProductionLookingUrl() {
        assertThatThrownBy(() -> AuthServerApplication.application().run("--server.port=0",
                "--stb.auth.issuer=https://sso.wenzhou.gov.cn"))
                .isInstanceOf(RequiredSettingException.class)
                .hasMessageContaining("https://sso.wenzhou.gov.cn");
    }

    @Test
    void byDefaultItListensOnLoopbackOnly() {
        try (ConfigurableApplicationContext context = AuthServerApplication.application().run("--server.port=0")) {
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        }
    }
}
