package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.LedgerCheckpointsCommands.RecordLedgerCheckpoint;
import cn.gov.wenzhou.kjj.funding.query.LedgerSigner;
import cn.gov.wenzhou.kjj.funding.query.MoneyLedger;
import cn.gov.wenzhou.kjj.ledger.SignedHead;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Records the ledger's signed head once per business date (Asia/Shanghai), as {@code LedgerCheckpointRecorded}, which
 * funding-service publishes on {@code funding.ledger.v1}. A sweep over the business clock: the first run of a date
 * records it, every later run (or a second instance) is refused by the aggregate and changes nothing.
 */
@Component
public class DailyLedgerCheckpoint {

    private static final Logger log = LoggerFactory.getLogger(DailyLedgerCheckpoint.class);

    private final CommandGateway commands;
    private final MoneyLedger ledger;
    private final LedgerSigner signer;
    private final Clock clock;

    public DailyLedgerCheckpoint(CommandGateway commands, MoneyLedger ledger, LedgerSigner signer, Clock clock) {
        this.commands = commands;
        this.ledger = ledger;
        this.signer = signer;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${stb.funding.ledger.checkpoint-sweep-delay:PT1M}",
            fixedDelayString = "${stb.funding.ledger.checkpoint-sweep-interval:PT10M}")
    public void sweep() {
        try {
            checkpoint(BusinessCalendar.today(clock));
        } catch (RuntimeException e) {
            log.warn("money ledger: the daily checkpoint was not recorded and is retried at the next sweep: {}",
                    e.getMessage());
        }
    }

    /** Records the checkpoint of {@code date}; empty when that date's checkpoint is already recorded. */
    public Optional<SignedHead> checkpoint(LocalDate date) {
        SignedHead head = signer.sign(ledger.head());
        try {
            commands.sendAndWait(new RecordLedgerCheckpoint(LedgerCheckpoints.LEDGER_ID, date, head.sequence(),
                    head.entryHash(), head.rootHash(), head.at(), head.algorithm(), head.keyId(), head.publicKey(),
                    head.signature()));
            log.info("money ledger: checkpoint of {} recorded at entry {}", date, head.sequence());
            return Optional.of(head);
        } catch (RuleViolationException e) {
            if ("ledger.checkpoint-already-recorded".equals(e.rule())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
