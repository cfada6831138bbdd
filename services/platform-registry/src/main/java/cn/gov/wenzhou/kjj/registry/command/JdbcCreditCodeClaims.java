package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Claims in {@code platform_credit_code}; joins the transaction of the command that registers the platform. */
@Component
public class JdbcCreditCodeClaims implements CreditCodeClaims {

    public static final String RULE = "platform.credit-code-unique";

    private final JdbcTemplate jdbc;

    public JdbcCreditCodeClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String creditCode, String platformId) {
        // a concurrent claim of the same code blocks here until the other transaction ends, then finds the conflict
        int inserted = jdbc.update("""
                insert into platform_credit_code (credit_code, platform_id) values (?, ?)
                on conflict (credit_code) do nothing""", creditCode, platformId);
        if (inserted == 0) {
            String holder = jdbc.queryForObject("select platform_id from platform_credit_code where credit_code = ?",
                    String.class, creditCode);
            if (!platformId.equals(holder)) {
                throw new RuleViolationException(RULE, "creditCode " + creditCode
                        + " is already registered, as platform " + holder);
            }
        }
    }

    @Override
    public Optional<String> creditCodeOf(String platformId) {
        return jdbc.queryForList("select credit_code from platform_credit_code where platform_id = ?", String.class,
                platformId).stream().findFirst();
    }
}
