package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import cn.gov.wenzhou.kjj.talent.query.PoolQuotaRepository;
import cn.gov.wenzhou.kjj.talent.query.PoolQuotaView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping("/api/pool")
@Tag(name = "Staffing pool", description = "The quota of special posts (编制池)")
public class PoolController {

    public record SetQuotaRequest(
            @Schema(example = "200") @NotNull @Min(0) @Max(100_000) Integer posts,
            @Schema(example = "市编委2025年核定") @NotBlank @Size(max = 500) String reason) {
    }

    private final CommandGateway commands;
    private final PoolQuotaRepository quotas;
    private final Clock clock;

    public PoolController(CommandGateway commands, PoolQuotaRepository quotas, Clock clock) {
        this.commands = commands;
        this.quotas = quotas;
        this.clock = clock;
    }

    @PutMapping("/quotas/{year}")
    @Operation(summary = "Set the number of special posts in the pool for a year")
    public void setQuota(@PathVariable @Min(2021) @Max(2100) int year, @Valid @RequestBody SetQuotaRequest request) {
        commands.sendAndWait(new SetPoolQuota(StaffingPool.WENZHOU, year, request.posts(), request.reason().trim(),
                BusinessCalendar.today(clock)));
    }

    @GetMapping("/quotas")
    public List<PoolQuotaView> quotas() {
        return quotas.findAll();
    }

    @GetMapping("/quotas/{year}")
    public PoolQuotaView quota(@PathVariable int year) {
        return quotas.findById(year).orElseThrow(() -> new NotFoundException("quota of year", String.valueOf(year)));
    }
}
