package cn.gov.wenzhou.kjj.talent.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/** {@code stb.talent.policy.versions}: the versioned rule parameters of the pool (see {@link PolicyVersion}). */
@ConfigurationProperties("stb.talent.policy")
@Validated
public record TalentPolicyProperties(@NotEmpty List<@Valid PolicyVersion> versions) {
}
