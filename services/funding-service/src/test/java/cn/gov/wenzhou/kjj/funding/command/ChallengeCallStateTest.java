package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationDeclined;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandCurated;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.PartnershipConfirmed;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ReviewScoreRecorded;
import cn.gov.wenzhou.kjj.support.axon.AxonJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The call's state is immutable values, changed only by its event-sourcing handlers, and snapshotted as before. */
class ChallengeCallStateTest {

    private static final LocalDate ON = LocalDate.of(2025, 2, 10);
    private static final Member LEAD = new Member("91330300MA2H7K8L0G", EnterpriseTier.LEADING, null);
    private static final Member PARTNER = new Member("91330300MA2H000017", EnterpriseTier.OTHER, "platform-1");
    private final ObjectMapper snapshots = AxonJson.stateMapper();

    @Test
    void anApplicationsStateCannotBeChangedFromOutsideItsHandlers() {
        ChallengeCall.Application application = ChallengeCall.Application.submitted("a-1", "d-1", "攻关", LEAD,
                List.of(PARTNER), 0).scored("expert-1", new BigDecimal("80"));

        assertThatThrownBy(() -> application.scores().put("expert-2", BigDecimal.TEN))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> application.confirmedPartners().add(PARTNER.creditCode()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> application.members().add(LEAD)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCallReadFromItsSnapshotEqualsTheCallItWasTakenOf() throws Exception {
        ChallengeCall call = sourced();

        String snapshot = snapshots.writeValueAsString(call);
        ChallengeCall restored = snapshots.readValue(snapshot, ChallengeCall.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(call);
        assertThat(snapshots.writeValueAsString(restored)).isEqualTo(snapshot);
    }

    @Test
    void aSnapshotKeepsTheFieldNamesOfTheMutableStateItReplaces() throws Exception {
        JsonNode snapshot = snapshots.readTree(snapshots.writeValueAsString(sourced()));

        assertThat(names(snapshot.path("demands").path("d-1"))).containsExactly("demandId", "submittedOn", "listed");
        assertThat(names(snapshot.path("applications").path("a-1"))).containsExactly("applicationId", "demandId",
                "title", "leadCreditCode", "members", "order", "scores", "confirmedPartners", "rank", "declined",
                "awarded");
    }

    private static ChallengeCall sourced() {
        ChallengeCall call = new ChallengeCall();
        call.on(new ChallengeCallOpened("call-1", 2025, "2025年度揭榜挂帅", ON));
        call.on(new DemandSubmitted("call-1", "d-1", LEAD.creditCode(), EnterpriseTier.LEADING, "需求", "泵阀", null,
                100L, ON));
        call.on(new DemandCurated("call-1", "d-1", true, null, ON));
        call.on(new ApplicationSubmitted("call-1", "a-1", "d-1", "攻关", LEAD, List.of(PARTNER), 50L, ON));
        call.on(new ApplicationSubmitted("call-1", "a-2", "d-1", "另一项", LEAD, List.of(), 50L, ON));
        call.on(new PartnershipConfirmed("call-1", "a-1", PARTNER.creditCode(), ON));
        call.on(new ReviewScoreRecorded("call-1", "a-1", "expert-1", new BigDecimal("88.5"), ON));
        call.on(new ApplicationDeclined("call-1", "a-2", "撤回", ON));
        return call;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
