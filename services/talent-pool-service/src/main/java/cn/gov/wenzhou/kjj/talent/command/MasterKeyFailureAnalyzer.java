package cn.gov.wenzhou.kjj.talent.command;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused master key into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong, what to do. */
public class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyConfigurationException cause) {
        return new FailureAnalysis("Personal data cannot be protected: " + cause.getMessage(), cause.action(), cause);
    }
}
