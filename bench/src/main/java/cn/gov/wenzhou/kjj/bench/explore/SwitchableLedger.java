package cn.gov.wenzhou.kjj.bench.explore;

import cn.gov.wenzhou.kjj.funding.query.MoneyLedger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.OptionalLong;

/**
 * Figure 16 only: funding-service's money ledger behind a switch, so that one run measures money commands with and
 * without the ledger. Switched on (the default) it is the shipped {@link MoneyLedger}, called through one volatile read:
 * a money transaction takes the ledger's shared mark and the chainer chains. Switched off, a money transaction takes no
 * lock and the chainer's rounds do nothing. The events stored while it was off are chained once it is on again
 * ({@link #catchUp}), untimed, so the ledger stays whole; switch it only while no money command runs.
 */
@Configuration
public class SwitchableLedger {

    private static volatile boolean on = true;

    public static void ledger(boolean enabled) {
        on = enabled;
    }

    @Bean
    static BeanPostProcessor switchableMoneyLedger(ObjectProvider<JdbcTemplate> jdbc,
                                                   ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof MoneyLedger && !(bean instanceof Switched)
                        ? new Switched(jdbc.getObject(), transactions.getObject()) : bean;
            }
        };
    }

    /** The shipped ledger, or nothing while switched off. */
    public static final class Switched extends MoneyLedger {

        Switched(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            super(jdbc, transactions);
        }

        @Override
        public void enterMoneyTransaction() {
            if (on) {
                super.enterMoneyTransaction();
            }
        }

        @Override
        public OptionalLong chainCommitted() {
            return on ? super.chainCommitted() : OptionalLong.of(0);
        }

        /**
         * Chains every committed money event not chained yet, whoever chains it (this thread or the service's
         * chainer), and returns when a round of its own found nothing left; call with the switch on and no money
         * command running. Returns how many this thread chained.
         */
        public long catchUp() {
            long chained = 0;
            while (true) {
                OptionalLong round = super.chainCommitted();
                if (round.isPresent()) {
                    if (round.getAsLong() == 0) {
                        return chained;
                    }
                    chained += round.getAsLong();
                }
            }
        }
    }
}
