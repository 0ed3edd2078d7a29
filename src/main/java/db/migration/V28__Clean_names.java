package db.migration;

import com.summit.base.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names stored before {@link Names#clean} was applied on every write (full-width letters, zero-width spaces, doubled
 * spaces) get their clean form, so that search, duplicates and the import match them as they match new ones. A
 * customer whose clean name another customer already has keeps its name, and the log says which. The deals whose
 * name or customer name changed are queued for the search index.
 */
public class V28__Clean_names extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V28__Clean_names.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Set<Long> customers = clean(c, "customer", "name", true);
        clean(c, "customer", "region", false);
        Set<Long> deals = clean(c, "opportunity", "name", false);
        clean(c, "customer_contact", "name", false);
        for (long customer : customers) {
            try (PreparedStatement s = c.prepareStatement("select id from opportunity where customer_id = ?")) {
                s.setLong(1, customer);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        deals.add(rs.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into search_outbox (entity_type, entity_id) values ('opportunity', ?)")) {
            for (long deal : deals) {
                s.setLong(1, deal);
                s.addBatch();
            }
            s.executeBatch();
        }
        log.info("Clean names: {} customers and {} deals renamed", customers.size(), deals.size());
    }

    /** Gives every row of the column its clean form; returns the ids of the rows changed. */
    private static Set<Long> clean(Connection c, String table, String column, boolean unique) throws SQLException {
        record Row(long id, String clean) {}
        List<Row> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, " + column + " from " + table + " where " + column + " is not null");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(2);
                String clean = Names.clean(value);
                // a value that is nothing once clean is left as it is: better a strange name than none
                if (!clean.isEmpty() && !clean.equals(value)) {
                    changes.add(new Row(rs.getLong(1), clean));
                }
            }
        }
        Set<Long> changed = new LinkedHashSet<>();
        try (PreparedStatement update = c.prepareStatement("update " + table + " set " + column + " = ? where id = ?")) {
            for (Row row : changes) {
                Savepoint before = unique ? c.setSavepoint() : null;
                try {
                    update.setString(1, row.clean());
                    update.setLong(2, row.id());
                    update.executeUpdate();
                    changed.add(row.id());
                } catch (SQLException e) {
                    if (before == null || !"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                    log.warn("Clean names: {} {} keeps its {}: another row already has \"{}\"", table, row.id(), column, row.clean());
                    continue;
                }
                if (before != null) {
                    c.releaseSavepoint(before);
                }
            }
        }
        return changed;
    }
}
