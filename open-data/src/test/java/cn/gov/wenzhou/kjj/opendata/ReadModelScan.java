package cn.gov.wenzhou.kjj.opendata;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/** Every value of every table of the open data's database, as text: what "nothing else is stored" is checked on. */
final class ReadModelScan {

    private ReadModelScan() {
    }

    static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name""", String.class);
    }

    static List<String> everyValue(JdbcTemplate jdbc) {
        List<String> values = new ArrayList<>();
        for (String table : tables(jdbc)) {
            jdbc.query("select t::text from " + table + " t", rs -> {
                values.add(rs.getString(1));
            });
        }
        return values;
    }
}
