package cn.gov.wenzhou.kjj.console.ops;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.Service;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operator's desk: every projection of the three services with its position, the store's head, lag and state;
 * a rebuild with a live progress bar (htmx polls the projection every second until it has caught up); the services'
 * health. A service that does not answer is shown as such while the others are shown as usual.
 */
@Controller
public class OperationsController {

    private final Backends backends;

    public OperationsController(Backends backends) {
        this.backends = backends;
    }

    /** One service's part of the page. */
    public record ServicePanel(String service, String health, List<Map<String, Object>> projections,
                               boolean unavailable) {
    }

    @GetMapping("/operations")
    public String operations(Model model) {
        List<ServicePanel> panels = new ArrayList<>();
        for (Service service : Service.values()) {
            String health = health(service);
            try {
                panels.add(new ServicePanel(service.id(), health, backends.of(service).getList(uri -> uri
                        .path("/ops/projections").build()), false));
            } catch (ServiceProblem.Unavailable down) {
                panels.add(new ServicePanel(service.id(), health, List.of(), true));
            }
        }
        model.addAttribute("panels", panels);
        return "ops/operations";
    }

    /** One projection's row: polled by the page while it is being rebuilt. */
    @GetMapping("/operations/{service}/projections/{name}")
    public String projection(@PathVariable String service, @PathVariable String name, Model model) {
        Service target = service(service);
        model.addAttribute("service", target.id());
        model.addAttribute("p", backends.of(target).getMap(uri -> uri.path("/ops/projections/{name}").build(name)));
        return "ops/operations :: projection-row";
    }

    @PostMapping("/operations/{service}/projections/{name}/rebuild")
    public String rebuild(@PathVariable String service, @PathVariable String name,
                          @RequestHeader(name = "HX-Request", required = false) String htmx,
                          HttpServletResponse response, Model model) {
        Service target = service(service);
        model.addAttribute("service", target.id());
        try {
            backends.of(target).post("/ops/projections/" + name + "/rebuild", null);
            model.addAttribute("problem", FormProblems.NONE);
        } catch (ServiceProblem.RuleViolated refused) {
            response.setStatus(htmx != null ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", FormProblems.of(refused));
        }
        if (htmx == null) {
            return "redirect:/operations";
        }
        model.addAttribute("p", backends.of(target).getMap(uri -> uri.path("/ops/projections/{name}").build(name)));
        return "ops/operations :: projection-row";
    }

    @SuppressWarnings("unchecked")
    private String health(Service service) {
        try {
            Map<String, Object> health = backends.health(service).getMap(uri -> uri.path("/actuator/health").build());
            return String.valueOf(health.getOrDefault("status", "UNKNOWN"));
        } catch (ServiceProblem.Unavailable down) {
            return "unreachable";
        } catch (ServiceProblem problem) {
            return "DOWN";
        }
    }

    private static Service service(String id) {
        return Arrays.stream(Service.values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new ServiceProblem.NotFound(Service.PLATFORM_REGISTRY, "no service " + id));
    }

}
