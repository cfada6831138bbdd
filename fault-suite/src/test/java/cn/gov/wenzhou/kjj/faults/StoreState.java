package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the services hold: per service, the event store's row count and a checksum of every table (the event store,
 * the projections, the consumers' records), but the tracking tokens, which processors rewrite as they claim them.
 */
record StoreState(Map<StackService, Long> events, Map<StackService, Map<String, String>> tables) {

    static StoreState of(FaultStack stack) {
        Map<StackService, Long> events = new EnumMap<>(StackService.class);
        Map<StackService, Map<String, String>> tables = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            DataSource dataSource = stack.dataSource(service);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            events.put(service, jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
            List<String> names = jdbc.queryForList("""
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'token_entry'
                    order by table_name""", String.class);
            tables.put(service, TableChecksums.of(dataSource, names));
        }
        return new StoreState(events, tables);
    }

    /** The tables whose rows differ from {@code before}'s, named {@code service.table}. */
    List<String> changedSince(StoreState before) {
        return tables.entrySet().stream().flatMap(service -> service.getValue().entrySet().stream()
                        .filter(table -> !table.getValue().equals(before.tables.get(service.getKey())
                                .get(table.getKey())))
                        .map(table -> service.getKey().database() + "." + table.getKey()))
                .toList();
    }

    /** Whether every service's event store holds what {@code other}'s held: row counts and checksums. */
    boolean sameEventStoreAs(StoreState other) {
        return events.equals(other.events) && tables.entrySet().stream().allMatch(service -> java.util.Objects.equals(
                service.getValue().get("domain_event_entry"), other.tables.get(service.getKey()).get("domain_event_entry")));
    }

    /** Events stored by {@code service} whose payload type ends with {@code type}, for one aggregate or all. */
    static long eventsOfType(FaultStack stack, StackService service, String type, String aggregateId) {
        JdbcTemplate jdbc = new JdbcTemplate(stack.dataSource(service));
        return aggregateId == null
                ? jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?",
                Long.class, "%" + type)
                : jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ? "
                + "and aggregate_identifier = ?", Long.class, "%" + type, aggregateId);
    }

    /** The sum of a number field over the events of {@code type} whose {@code keyField} is {@code key}. */
    static long sumOfEvents(FaultStack stack, StackService service, String type, String keyField, String key,
                            String numberField) {
        return new JdbcTemplate(stack.dataSource(service)).queryForObject("""
                select coalesce(sum((convert_from(payload, 'UTF8')::jsonb ->> ?)::bigint), 0)
                from domain_event_entry
                where payload_type like ? and convert_from(payload, 'UTF8')::jsonb ->> ? = ?""", Long.class,
                numberField, "%" + type, keyField, key);
    }

    /** How many events of {@code type} have {@code keyField} equal to {@code key}. */
    static long eventsWhere(FaultStack stack, StackService service, String type, String keyField, String key) {
        return new JdbcTemplate(stack.dataSource(service)).queryForObject("""
                select count(*) from domain_event_entry
                where payload_type like ? and convert_from(payload, 'UTF8')::jsonb ->> ? = ?""", Long.class,
                "%" + type, keyField, key);
    }
}
