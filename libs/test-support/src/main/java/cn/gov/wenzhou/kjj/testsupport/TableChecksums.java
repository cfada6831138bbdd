package cn.gov.wenzhou.kjj.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checksum of every row of a table, independent of physical order: what "a rebuild reproduces identical rows"
 * is measured with.
 */
public final class TableChecksums {

    private TableChecksums() {
    }

    public static String of(DataSource dataSource, String table) {
        String sql = "select count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') from "
                + table + " t";
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot checksum " + table, e);
        }
    }

    public static Map<String, String> of(DataSource dataSource, List<String> tables) {
        Map<String, String> checksums = new LinkedHashMap<>();
        tables.forEach(table -> checksums.put(table, of(dataSource, table)));
        return checksums;
    }
}
