package cn.gov.wenzhou.kjj.console.web;

import cn.gov.wenzhou.kjj.console.security.ConsoleUser;

import java.util.List;
import java.util.Set;

/**
 * The console's desks and who is offered them. It mirrors the services' access policies so that nobody is shown a
 * door that will not open; the services still decide on every call.
 */
public final class Menu {

    /** A desk: its message key, where it starts, and the roles it is for. */
    public record Entry(String key, String href, Set<String> roles) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("menu.dashboard", "/dashboard", Set.of("REGISTRY_ADMIN", "FUNDING_OFFICER", "FINANCE_AUDITOR",
                    "TALENT_INSTITUTE", "PLATFORM")),
            new Entry("menu.platforms", "/registry/platforms", Set.of("REGISTRY_ADMIN", "FUNDING_OFFICER",
                    "FINANCE_AUDITOR")),
            new Entry("menu.register", "/registry/platforms/new", Set.of("REGISTRY_ADMIN")),
            new Entry("menu.obligations", "/registry/obligations", Set.of("REGISTRY_ADMIN")),
            new Entry("menu.inbox", "/inbox", Set.of("REGISTRY_ADMIN", "PLATFORM", "ENTERPRISE",
                    "FUNDING_OFFICER")),
            new Entry("menu.my-platform", "/my-platform", Set.of("PLATFORM")),
            new Entry("menu.audit-trail", "/finance/audit-trail", Set.of("FINANCE_AUDITOR", "FUNDING_OFFICER")),
            new Entry("menu.projects", "/finance/projects", Set.of("FINANCE_AUDITOR", "FUNDING_OFFICER")),
            new Entry("menu.ledger", "/finance/ledger", Set.of("FINANCE_AUDITOR")),
            new Entry("menu.calls", "/funding/calls", Set.of("FUNDING_OFFICER")),
            new Entry("menu.funding-projects", "/funding/projects", Set.of("FUNDING_OFFICER")),
            new Entry("menu.approvals", "/funding/approvals", Set.of("FUNDING_OFFICER")),
            new Entry("menu.enterprise", "/enterprise", Set.of("ENTERPRISE")),
            new Entry("menu.talent", "/talent/enrollments", Set.of("TALENT_INSTITUTE")),
            new Entry("menu.pool", "/talent/pool", Set.of("TALENT_INSTITUTE")),
            new Entry("menu.operations", "/operations", Set.of("OPERATOR")),
            new Entry("menu.events", "/events", Set.of("REGISTRY_ADMIN", "FUNDING_OFFICER", "FINANCE_AUDITOR",
                    "TALENT_INSTITUTE", "ENTERPRISE", "PLATFORM", "OPERATOR", "SUBSCRIBER")));

    private Menu() {
    }

    public static List<Entry> of(ConsoleUser user) {
        return ENTRIES.stream().filter(entry -> entry.roles().stream().anyMatch(user::has)).toList();
    }
}
