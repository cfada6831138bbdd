package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The orchestrator's probes (deploy/kubernetes) ask Actuator's readiness and liveness groups, without signing in. */
@ConsoleTest
class ProbesTest extends ConsoleTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void theReadinessAndLivenessGroupsAnswerWithoutSignIn() throws Exception {
        for (String group : new String[]{"readiness", "liveness"}) {
            mvc.perform(get("/actuator/health/" + group)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        }
    }
}
