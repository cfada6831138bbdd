package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.web.Formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's commands on a platform as the console's forms send them: each form's fields carry the API's own
 * names, so a {@code 400} naming a field lands beside it. Only what a form cannot send as typed is converted here
 * (yuan typed by a person into the fen the API takes, exactly); every rule is the registry's to check.
 */
final class PlatformCommands {

    /** A request for the registry, or the fields the console could not turn into one. */
    record Prepared(String path, Map<String, Object> body, Map<String, String> problems) {
    }

    static final List<String> COMMANDS = List.of("recognition", "upgrade", "annual-report", "evaluation",
            "non-participation", "rectification-confirmation", "reapplication", "notice-address");

    /** How the registry takes a command: the notice address is set (PUT), everything else is posted. */
    static org.springframework.http.HttpMethod method(String command) {
        return "notice-address".equals(command) ? org.springframework.http.HttpMethod.PUT
                : org.springframework.http.HttpMethod.POST;
    }

    /** Counts of the ten indicators; the two money ones are typed in yuan. */
    static final List<String> COUNT_INDICATORS = List.of("jointRdCentres", "cooperationAgreements",
            "provincialProjects", "inventionPatents", "researchers", "incubatedEnterprises", "resultsTransferred",
            "localEnterprisesServed");
    static final List<String> MONEY_INDICATORS = List.of("researchFunding", "fourTechIncome");

    private PlatformCommands() {
    }

    static Prepared prepare(String platformId, String command, Map<String, String> form, String notAmount) {
        String base = "/api/platforms/" + platformId;
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        switch (command) {
            case "recognition" -> {
                body.put("level", blankToNull(form.get("level")));
                body.put("documentNumber", blankToNull(form.get("documentNumber")));
                body.put("recognizedOn", blankToNull(form.get("recognizedOn")));
                return new Prepared(base + "/recognition", body, problems);
            }
            case "upgrade" -> {
                body.put("level", blankToNull(form.get("level")));
                body.put("documentNumber", blankToNull(form.get("documentNumber")));
                body.put("upgradedOn", blankToNull(form.get("upgradedOn")));
                return new Prepared(base + "/upgrade", body, problems);
            }
            case "annual-report" -> {
                body.put("year", blankToNull(form.get("year")));
                body.put("indicators", indicators(form, problems, notAmount));
                return new Prepared(base + "/annual-reports", body, problems);
            }
            case "evaluation" -> {
                body.put("year", blankToNull(form.get("year")));
                body.put("score", blankToNull(form.get("score")));
                body.put("grade", blankToNull(form.get("grade")));
                return new Prepared(base + "/evaluations", body, problems);
            }
            case "non-participation" -> {
                body.put("year", blankToNull(form.get("year")));
                body.put("justified", form.get("justified") == null ? null : "true".equals(form.get("justified")));
                body.put("reason", blankToNull(form.get("reason")));
                return new Prepared(base + "/non-participations", body, problems);
            }
            case "rectification-confirmation" -> {
                String year = blankToNull(form.get("year"));
                if (year == null || !year.matches("\\d{4}")) {
                    problems.put("year", notAmount);
                }
                return new Prepared(base + "/rectifications/" + year + "/confirmation", null, problems);
            }
            case "reapplication" -> {
                return new Prepared(base + "/reapplication", null, problems);
            }
            case "notice-address" -> {
                body.put("address", blankToNull(form.get("address")));
                return new Prepared(base + "/notice-address", body, problems);
            }
            default -> throw new IllegalArgumentException("no such command: " + command);
        }
    }

    /** The annual report's indicators; an amount that is not yuan with at most two decimals is a problem here. */
    static Map<String, Object> indicators(Map<String, String> form, Map<String, String> problems, String notAmount) {
        Map<String, Object> indicators = new LinkedHashMap<>();
        for (String count : COUNT_INDICATORS) {
            indicators.put(count, blankToNull(form.get(count)));
        }
        for (String money : MONEY_INDICATORS) {
            String typed = form.get(money);
            Long fen = Formats.fenOf(typed);
            if (fen == null && typed != null && !typed.isBlank()) {
                problems.put(money, notAmount);
            }
            indicators.put(money + "Fen", fen);
        }
        return indicators;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
