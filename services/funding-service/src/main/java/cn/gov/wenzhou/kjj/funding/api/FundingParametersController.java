package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Funding parameters", description = "The versioned numbers of the special-fund rules")
public class FundingParametersController {

    private final FundingParameters parameters;

    public FundingParametersController(FundingParameters parameters) {
        this.parameters = parameters;
    }

    @GetMapping("/api/funding-parameters")
    @Operation(summary = "Every version of the rules (indirect-cost cap bands, tranche split, balance settlement, "
            + "ranking band) and of the budget category schemes, with effective dates")
    public FundingParameters get() {
        return parameters;
    }
}
