package db.migration;

import java.text.Normalizer;
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
 * Names stored before {@code Names.clean} was applied on every write (full-width letters, zero-width spaces, doubled
 * spaces) get their clean form, so that search, duplicates and the import match them as they match new ones. A
 * customer whose clean name another customer already has keeps its name, and so does a value whose clean form is too
 * long for its column (NFKC can lengthen: ㈱ is "(株)"); the log says which. The deals whose name or customer name
 * changed are queued for the search index. The cleaning is a copy of {@code Names.clean} as it was when this migration
 * was written, so that a later change there does not change what this migration does.
 */
public class V28__Clean_names extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V28__Clean_names.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Set<Long> customers = clean(c, "customer", "name");
        clean(c, "customer", "region");
        Set<Long> deals = clean(c, "opportunity", "name");
        clean(c, "customer_contact", "name");
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
    private static Set<Long> clean(Connection c, String table, String column) throws SQLException {
        record Row(long id, String clean) {}
        List<Row> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, " + column + " from " + table + " where " + column + " is not null");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(2);
                String clean = clean(value);
                // a value that is nothing once clean is left as it is: better a strange name than none
                if (!clean.isEmpty() && !clean.equals(value)) {
                    changes.add(new Row(rs.getLong(1), clean));
                }
            }
        }
        Set<Long> changed = new LinkedHashSet<>();
        try (PreparedStatement update = c.prepareStatement("update " + table + " set " + column + " = ? where id = ?")) {
            for (Row row : changes) {
                Savepoint before = c.setSavepoint();
                try {
                    update.setString(1, row.clean());
                    update.setLong(2, row.id());
                    update.executeUpdate();
                    changed.add(row.id());
                } catch (SQLException e) {
                    // 23505: another row has the clean name; 22001: the clean form is too long for the column
                    if (!"23505".equals(e.getSQLState()) && !"22001".equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                    log.warn("Clean names: {} {} keeps its {}: \"{}\" {}", table, row.id(), column, row.clean(),
                            "23505".equals(e.getSQLState()) ? "is another row's already" : "is too long for the column");
                    continue;
                }
                c.releaseSavepoint(before);
            }
        }
        return changed;
    }

    /** {@code Names.clean} of 2026-12: NFKC, no invisible characters, runs of white space as one space, none at the ends. */
    static String clean(String name) {
        if (name == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean space = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.UNASSIGNED) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
