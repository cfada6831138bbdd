package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The frame around every desk: sign-in, the menu by role, not allowed, languages, CSRF, the security headers. */
@ConsoleTest
class FramePagesTest extends ConsoleTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.boot.autoconfigure.web.ServerProperties server;

    @BeforeEach
    void dashboard() {
        BACKEND.answer("GET", "/api/dashboard", 200, Stubs.read("dashboard.json"));
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/sign-in"));
        String page = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("统一身份认证登录").contains("href=\"/oauth2/authorization/stb\"");
    }

    @Test
    void signingInUsesAuthorizationCodeWithAProofKey() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/stb")).andExpect(status().isFound()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(location).startsWith(BACKEND.url() + "/oauth2/authorize?response_type=code&client_id=console")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("scope=openid");
    }

    @Test
    void theMenuOffersOnlyTheDesksOfTheUsersRoles() throws Exception {
        String admin = page("/dashboard", "REGISTRY_ADMIN");
        assertThat(admin).contains("href=\"/registry/platforms\"").contains("href=\"/registry/platforms/new\"")
                .doesNotContain("href=\"/operations\"").doesNotContain("href=\"/finance/audit-trail\"");
        String operator = mvc.perform(get("/").with(as("OPERATOR"))).andExpect(status().isFound()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(operator).isEqualTo("/operations");
    }

    @Test
    void aDeskOutsideTheUsersRolesIsAClearNotAllowedPage() throws Exception {
        mvc.perform(get("/operations").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .forwardedUrl("/not-allowed"));
        String page = mvc.perform(get("/not-allowed").with(as("FINANCE_AUDITOR"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("无权访问").contains("您的角色不能打开此页面").doesNotContain("Exception");
    }

    @Test
    void englishIsOneClickAwayAndStaysForTheSession() throws Exception {
        MvcResult english = mvc.perform(get("/dashboard").param("lang", "en").with(as("REGISTRY_ADMIN")))
                .andExpect(status().isOk()).andReturn();
        assertThat(english.getResponse().getContentAsString()).contains("How far the city is")
                .contains("lang=\"en\"");
        String again = mvc.perform(get("/dashboard").session((org.springframework.mock.web.MockHttpSession)
                        english.getRequest().getSession()).with(as("REGISTRY_ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("How far the city is");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndReachesNoService() throws Exception {
        int before = BACKEND.requests().size();
        mvc.perform(post("/logout").with(as("REGISTRY_ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(post("/registry/platforms/new").with(as("REGISTRY_ADMIN")).param("name", "x"))
                .andExpect(status().isForbidden());
        assertThat(BACKEND.requests()).hasSize(before);
        mvc.perform(post("/logout").with(as("REGISTRY_ADMIN")).with(csrf())).andExpect(status().isFound());
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoInlineScriptOrStyle() throws Exception {
        MvcResult result = mvc.perform(get("/dashboard").with(as("REGISTRY_ADMIN"))).andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY")).andReturn();
        String policy = result.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("style-src 'self'").contains("object-src 'none'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        String page = result.getResponse().getContentAsString();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("\\sstyle=");
        assertThat(page).contains("/webjars/htmx.org/").contains("/webjars/echarts/");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndNamedApartFromTheIssuers() {
        org.springframework.boot.web.servlet.server.Session.Cookie cookie = server.getServlet().getSession()
                .getCookie();
        assertThat(cookie.getName()).isEqualTo("STB_CONSOLE");
        assertThat(cookie.getHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(org.springframework.boot.web.server.Cookie.SameSite.LAX);
        // Secure comes from the request being secure behind a TLS proxy (forwarded headers), or is forced
        assertThat(server.getForwardHeadersStrategy())
                .isEqualTo(org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy.NATIVE);
    }

    private String page(String path, String... roles) throws Exception {
        return mvc.perform(get(path).with(as(roles))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
