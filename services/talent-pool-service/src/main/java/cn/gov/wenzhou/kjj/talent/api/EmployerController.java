package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.talent.query.EmployerPlatformProjection;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/employers/{creditCode}")
@Tag(name = "Employers", description = "An employer's own hires, and whether it is a registered platform")
public class EmployerController {

    private final EnrollmentViews views;
    private final EmployerPlatformProjection platforms;
    private final TalentCaller caller;

    public EmployerController(EnrollmentViews views, EmployerPlatformProjection platforms, TalentCaller caller) {
        this.views = views;
        this.platforms = platforms;
        this.caller = caller;
    }

    @GetMapping("/enrollments")
    @Operation(summary = "An employer's applications and hires (an ENTERPRISE or PLATFORM token: its own only)",
            description = "Personal data is masked for the employer and in clear for the institute.")
    public EnrollmentResponses.Page enrollments(@PathVariable String creditCode,
                                                @RequestParam(required = false) List<String> state,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        caller.requireScopeFor(code);
        return views.page(new EnrollmentQueries.Filter(EnrollmentViews.states(state), code, null), page, size);
    }

    @GetMapping("/platform")
    @Operation(summary = "The registry platform this employer is, as the registry announced it (404 if none)")
    public EmployerPlatformProjection.EmployerPlatform platform(@PathVariable String creditCode) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        caller.requireScopeFor(code);
        return platforms.platformOf(code).orElseThrow(() -> new NotFoundException("registry platform with credit"
                + " code", code));
    }
}
