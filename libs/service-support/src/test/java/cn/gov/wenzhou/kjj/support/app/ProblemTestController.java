package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
public class ProblemTestController {

    public record OpenRequest(@NotBlank String name, @NotNull LocalDate openedOn, @PositiveOrZero Long limitFen) {
    }

    public record PostRequest(@NotNull Long amountFen) {
    }

    private final CommandGateway commands;

    public ProblemTestController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/ledgers")
    @ResponseStatus(HttpStatus.CREATED)
    public String open(@Valid @RequestBody OpenRequest request) {
        if (request.name().startsWith("!")) {
            throw new InvalidInputException("name", "must not start with '!'");
        }
        return commands.sendAndWait(new Ledger.OpenLedger(UUID.randomUUID().toString(), request.name()));
    }

    @PostMapping("/ledgers/{id}/postings")
    public void post(@PathVariable String id, @Valid @RequestBody PostRequest request) {
        commands.sendAndWait(new Ledger.Post(id, request.amountFen()));
    }
}
