package cn.gov.wenzhou.kjj.funding.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The money ledger's key, its ordering interceptor and the daily checkpoint sweep. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerConfiguration {

    @Bean
    public LedgerSigner ledgerSigner(LedgerProperties properties, Clock clock) {
        return new LedgerSigner(properties.signingKey() == null ? "" : properties.signingKey(), clock);
    }

    /** Health contributor {@code moneyLedger} and the ledger's lag metrics. */
    @Bean
    public LedgerLag moneyLedgerHealthIndicator(MoneyLedger ledger, LedgerProperties properties, Clock clock,
                                                MeterRegistry meters) {
        return new LedgerLag(ledger, properties, clock, meters);
    }

    @Bean
    public LedgerOrder ledgerOrder(MoneyLedger ledger, LedgerChainer chainer, EventStore eventStore) {
        LedgerOrder order = new LedgerOrder(ledger, chainer);
        eventStore.registerDispatchInterceptor(order);
        return order;
    }
}
