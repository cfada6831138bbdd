package cn.gov.wenzhou.kjj.bench.explore;

import cn.gov.wenzhou.kjj.funding.query.MoneyLedger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure 16 only: funding-service's money ledger behind a switch, so that one run measures money commands with and
 * without chaining. Switched on (the default) it is the shipped {@link MoneyLedger}, called through one volatile read;
 * switched off, a money command neither locks the ledger head nor chains its event. The events stored while it was off
 * are chained when it is switched back on ({@link #catchUp}), untimed, so the ledger stays whole.
 */
@Configuration
public class SwitchableLedger {

    private static volatile boolean chaining = true;

    public static void chaining(boolean on) {
        chaining = on;
    }

    @Bean
    static BeanPostProcessor switchableMoneyLedger(ObjectProvider<JdbcTemplate> jdbc) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof MoneyLedger && !(bean instanceof Switched) ? new Switched(jdbc.getObject())
                        : bean;
            }
        };
    }

    /** The shipped ledger, or nothing while switched off. */
    public static final class Switched extends MoneyLedger {

        Switched(JdbcTemplate jdbc) {
            super(jdbc);
        }

        @Override
        public void lockHead() {
            if (chaining) {
                super.lockHead();
            }
        }

        @Override
        public long chainNewEvents() {
            return chaining ? super.chainNewEvents() : 0;
        }

        /** Chains what was stored while the switch was off; call in a transaction, with the switch on. */
        public long catchUp() {
            super.lockHead();
            return super.chainNewEvents();
        }
    }
}
