package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.inbox.InboxNotice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The registry's reporting obligations: for registry staff the lists to act on — annual reports missing after their
 * due date (年报未交; staff decide on the platform's page with the non-participation command) and rectifications past
 * their deadline for the district authority's follow-up (整改跟进) — and the latest notices the registry sent (the
 * whole inbox is {@link cn.gov.wenzhou.kjj.console.inbox.InboxController}'s). Everything is the registry's; the
 * console only shows it.
 */
@Controller
public class ObligationsController {

    private static final int SHOWN = 100;

    private final Backends backends;

    public ObligationsController(Backends backends) {
        this.backends = backends;
    }

    @GetMapping("/registry/obligations")
    public String obligations(Model model) {
        model.addAttribute("missing", backends.registry().getList(uri -> uri
                .path("/api/obligations/missing-annual-reports").queryParam("limit", SHOWN).build()));
        model.addAttribute("followUps", backends.registry().getList(uri -> uri
                .path("/api/obligations/rectification-follow-ups").queryParam("limit", SHOWN).build()));
        model.addAttribute("notices", backends.registry().getList(uri -> uri.path("/api/notices")
                .queryParam("limit", 20).build()).stream()
                .map(notice -> InboxNotice.fromRegistry(notice, "/registry/platforms/" + notice.get("platformId")))
                .toList());
        return "registry/obligations";
    }
}
