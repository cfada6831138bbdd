package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** The versions of the pool's rule parameters, and which one is in force on a business date. */
public class TalentPolicy {

    private final List<PolicyVersion> versions;

    public TalentPolicy(List<PolicyVersion> versions) {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("stb.talent.policy.versions must name at least one version");
        }
        if (versions.stream().map(PolicyVersion::version).distinct().count() != versions.size()
                || versions.stream().map(PolicyVersion::effectiveFrom).distinct().count() != versions.size()) {
            throw new IllegalArgumentException("policy versions need distinct names and effective dates");
        }
        versions.forEach(TalentPolicy::checkCatalogue);
        this.versions = versions.stream().sorted(Comparator.comparing(PolicyVersion::effectiveFrom)).toList();
    }

    /** Oldest first. */
    public List<PolicyVersion> versions() {
        return versions;
    }

    /** The version in force on {@code date}: the latest one whose effective date is not after it. */
    public PolicyVersion inForceOn(LocalDate date) {
        PolicyVersion inForce = null;
        for (PolicyVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        if (inForce == null) {
            throw new RuleViolationException("policy.not-yet-in-force",
                    "the pool's rules apply from " + versions.get(0).effectiveFrom());
        }
        return inForce;
    }

    private static void checkCatalogue(PolicyVersion version) {
        var codes = new HashSet<String>();
        version.urgentlyNeededFields().forEach(field -> {
            if (!codes.add(field.code())) {
                throw new IllegalArgumentException("field " + field.code() + " is listed twice in " + version.version());
            }
        });
    }
}
