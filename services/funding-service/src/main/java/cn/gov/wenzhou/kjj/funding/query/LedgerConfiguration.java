package cn.gov.wenzhou.kjj.funding.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The money ledger's key, its ordering interceptor and the daily checkpoint sweep. */
@Configuration
@EnableScheduling
public class LedgerConfiguration {

    @Bean
    public LedgerSigner ledgerSigner(@Value("${stb.funding.ledger.signing-key:}") String signingKey, Clock clock) {
        return new LedgerSigner(signingKey, clock);
    }

    @Bean
    public LedgerOrder ledgerOrder(MoneyLedger ledger, LedgerChainer chainer, EventStore eventStore) {
        LedgerOrder order = new LedgerOrder(ledger, chainer);
        eventStore.registerDispatchInterceptor(order);
        return order;
    }
}
