package cn.gov.wenzhou.kjj.funding.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Where funding's notices to a role go ({@code stb.funding.notices}): an escalation to the supervisors, a suspension
 * proposal to the officers. A role's shared mailbox, from the environment; a role without one reads its notices in the
 * console only.
 *
 * @param roleAddresses a role's name (e.g. {@code FUNDING_SUPERVISOR}) to its mailbox
 */
@ConfigurationProperties("stb.funding.notices")
public record NoticeMailProperties(@DefaultValue Map<String, String> roleAddresses) {

    public NoticeMailProperties {
        roleAddresses = roleAddresses == null ? Map.of() : Map.copyOf(roleAddresses);
    }
}
