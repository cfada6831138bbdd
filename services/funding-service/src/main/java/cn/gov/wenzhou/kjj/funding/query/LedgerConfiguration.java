package cn.gov.wenzhou.kjj.funding.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The money ledger's key, its ordering interceptor, the catch-up on start and the daily checkpoint sweep. */
@Configuration
@EnableScheduling
public class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    @Bean
    public LedgerSigner ledgerSigner(@Value("${stb.funding.ledger.signing-key:}") String signingKey, Clock clock) {
        return new LedgerSigner(signingKey, clock);
    }

    @Bean
    public LedgerOrder ledgerOrder(MoneyLedger ledger, EventStore eventStore) {
        LedgerOrder order = new LedgerOrder(ledger);
        eventStore.registerDispatchInterceptor(order);
        return order;
    }

    /** Money events stored before the ledger existed (or by a build without it) are chained on start. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> ledgerCatchUp(MoneyLedger ledger, TransactionTemplate tx) {
        return ready -> {
            Long chained = tx.execute(status -> {
                ledger.lockHead();
                return ledger.chainNewEvents();
            });
            if (chained != null && chained > 0) {
                log.info("money ledger: chained {} money events stored before it", chained);
            }
        };
    }
}
