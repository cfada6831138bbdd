package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.query.PlatformStandingRepository;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingView;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/platform-standings")
@Tag(name = "Platform standing", description = "What funding-service knows of registry platforms")
public class PlatformStandingController {

    private final PlatformStandingRepository standings;

    public PlatformStandingController(PlatformStandingRepository standings) {
        this.standings = standings;
    }

    @GetMapping("/{platformId}")
    @Operation(summary = "A platform's standing, as last published by the registry")
    public PlatformStandingView get(@PathVariable String platformId) {
        return standings.findById(platformId).orElseThrow(() -> new NotFoundException("platform", platformId));
    }
}
