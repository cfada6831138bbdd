package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ExpireDisbursementRequest;
import cn.gov.wenzhou.kjj.funding.query.PaymentApprovalProjection;
import cn.gov.wenzhou.kjj.funding.query.PaymentApprovalProjection.RequestView;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Expires disbursement requests not decided by their expiry date: a sweep over the business clock. The aggregate
 * decides (a request approved meanwhile, or not yet due, is refused and left as it is), so two instances sweeping at
 * once expire a request once. An approval after the expiry date is refused even before the sweep has run.
 */
@Component
public class DisbursementRequestExpiry {

    private static final Logger log = LoggerFactory.getLogger(DisbursementRequestExpiry.class);
    /** Requests expired per sweep; the rest wait for the next one. */
    static final int BATCH = 500;

    private final CommandGateway commands;
    private final PaymentApprovalProjection requests;
    private final Clock clock;

    public DisbursementRequestExpiry(CommandGateway commands, PaymentApprovalProjection requests, Clock clock) {
        this.commands = commands;
        this.requests = requests;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${stb.funding.payment-approval-sweep-delay:PT2M}",
            fixedDelayString = "${stb.funding.payment-approval-sweep-interval:PT15M}")
    public void sweep() {
        expire(BusinessCalendar.today(clock));
    }

    /** Expires what is due on {@code today}; returns how many. */
    public int expire(LocalDate today) {
        int expired = 0;
        for (RequestView request : requests.pendingExpiredBy(today, BATCH)) {
            try {
                commands.sendAndWait(new ExpireDisbursementRequest(request.projectId(), request.requestId(), today));
                expired++;
            } catch (RuleViolationException decided) {
                log.debug("request {} not expired: {}", request.requestId(), decided.getMessage());
            }
        }
        return expired;
    }
}
