package cn.gov.wenzhou.kjj.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused setting into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong, what to do. */
public class RequiredSettingFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RequiredSettingException cause) {
        return new FailureAnalysis(cause.consequence() + ": " + cause.getMessage(), cause.action(), cause);
    }
}
