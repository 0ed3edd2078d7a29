package com.summit.customer.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the import reads in bulk (the customers, contacts and months a file names, found in a few queries however long
 * the file) and writes in JDBC batches.
 */
@Repository
public class ImportRepository {

    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A customer the file names: found by credit code or name; {@code visible}: the importer may see and change it. */
    public record Existing(long id, String name, String creditCode, String owner, boolean visible) {}

    /** The customers whose credit code is one of {@code codes} or whose name (case and spaces aside) is one of {@code names}. */
    public List<Existing> customers(Collection<String> codes, Collection<String> lowerNames, CustomerRepository.Viewer viewer) {
        List<Existing> found = new ArrayList<>();
        for (List<String> chunk : chunks(codes)) {
            found.addAll(CustomerRepository.bindViewer(jdbc.sql("select c.id, c.name, c.credit_code, c.owner_username," + CustomerRepository.VISIBLE
                    + " from customer c where c.credit_code in (:codes)"), viewer).param("codes", chunk).query(this::existing).list());
        }
        for (List<String> chunk : chunks(lowerNames)) {
            found.addAll(CustomerRepository.bindViewer(jdbc.sql("select c.id, c.name, c.credit_code, c.owner_username," + CustomerRepository.VISIBLE
                    + " from customer c where lower(btrim(c.name)) in (:names)"), viewer).param("names", chunk).query(this::existing).list());
        }
        return found;
    }

    private Existing existing(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
    }

    /** The contacts of these customers: "customerId/lower(name)" → contact id. */
    public Map<String, Long> contacts(Collection<Long> customerIds) {
        Map<String, Long> found = new HashMap<>();
        for (List<Long> chunk : chunks(customerIds)) {
            jdbc.sql("select id, customer_id, lower(btrim(name)) from customer_contact where customer_id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        found.putIfAbsent(rs.getLong(2) + "/" + rs.getString(3), rs.getLong(1));
                    });
        }
        return found;
    }

    /** The months already recorded for these customers: "customerId/yyyy-MM-01/SERVICE". */
    public java.util.Set<String> revenueKeys(Collection<Long> customerIds) {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(customerIds)) {
            jdbc.sql("select customer_id, month, service from customer_revenue where customer_id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        found.add(rs.getLong(1) + "/" + rs.getDate(2).toLocalDate() + "/" + rs.getString(3));
                    });
        }
        return found;
    }

    /** A customer as a row of the file gives it. */
    public record CustomerRow(Long id, String name, String creditCode, String industry, String region, String address, String needType,
            String owner) {}

    public void insertCustomers(List<CustomerRow> rows) {
        template.batchUpdate("""
                insert into customer (name, credit_code, industry, region, address, need_type, owner_username)
                values (?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, r) -> {
            ps.setString(1, r.name());
            ps.setString(2, r.creditCode());
            ps.setString(3, r.industry());
            ps.setString(4, r.region());
            ps.setString(5, r.address());
            ps.setString(6, r.needType());
            ps.setString(7, r.owner());
        });
    }

    /** Updates what the row gives; a blank cell (null here) keeps what the customer had. */
    public void updateCustomers(List<CustomerRow> rows) {
        template.batchUpdate("""
                update customer set name = coalesce(?, name), credit_code = coalesce(?, credit_code), industry = coalesce(?, industry),
                       region = coalesce(?, region), address = coalesce(?, address), need_type = coalesce(?, need_type),
                       owner_username = coalesce(?, owner_username), version = version + 1
                where id = ?""", rows, rows.size(), (ps, r) -> {
            ps.setString(1, r.name());
            ps.setString(2, r.creditCode());
            ps.setString(3, r.industry());
            ps.setString(4, r.region());
            ps.setString(5, r.address());
            ps.setString(6, r.needType());
            ps.setString(7, r.owner());
            ps.setLong(8, r.id());
        });
    }

    /** A contact as a row of the file gives it; {@code id} set: update that contact. */
    public record ContactRow(Long id, long customerId, String name, String title, String role, int strength, String preferences,
            String notes) {}

    public void insertContacts(List<ContactRow> rows, String by) {
        template.batchUpdate("""
                insert into customer_contact (customer_id, name, title, role, strength, preferences, notes, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, r) -> {
            ps.setLong(1, r.customerId());
            ps.setString(2, r.name());
            ps.setString(3, r.title());
            ps.setString(4, r.role());
            ps.setInt(5, r.strength());
            ps.setString(6, r.preferences());
            ps.setString(7, r.notes());
            ps.setString(8, by);
        });
    }

    public void updateContacts(List<ContactRow> rows) {
        template.batchUpdate("""
                update customer_contact set title = coalesce(?, title), role = ?, strength = ?, preferences = coalesce(?, preferences),
                       notes = coalesce(?, notes)
                where id = ?""", rows, rows.size(), (ps, r) -> {
            ps.setString(1, r.title());
            ps.setString(2, r.role());
            ps.setInt(3, r.strength());
            ps.setString(4, r.preferences());
            ps.setString(5, r.notes());
            ps.setLong(6, r.id());
        });
    }

    /** What an import did, for the record and the list of recent imports. */
    public record ImportRun(long id, String kind, String fileName, String mode, boolean updateExisting, int totalRows, int created,
            int updated, int rejected, int failed, String status, String importedBy, java.time.Instant createdAt) {}

    public long record(String kind, String fileName, String mode, boolean updateExisting, int total, int created, int updated, int rejected,
            int failed, String status, String by) {
        return jdbc.sql("""
                insert into customer_import (kind, file_name, mode, update_existing, total_rows, created, updated, rejected, failed, status, imported_by)
                values (:kind, :file, :mode, :upd, :total, :created, :updated, :rejected, :failed, :status, :by) returning id""")
                .param("kind", kind).param("file", fileName).param("mode", mode).param("upd", updateExisting).param("total", total)
                .param("created", created).param("updated", updated).param("rejected", rejected).param("failed", failed)
                .param("status", status).param("by", by).query(Long.class).single();
    }

    /** The latest imports: one user's, or everyone's (null). */
    public List<ImportRun> recent(String byOrNull, int limit) {
        return jdbc.sql("""
                select id, kind, file_name, mode, update_existing, total_rows, created, updated, rejected, failed, status, imported_by, created_at
                from customer_import where cast(:by as varchar) is null or imported_by = :by order by id desc limit :limit""")
                .param("by", byOrNull).param("limit", limit)
                .query((rs, n) -> new ImportRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getString(12),
                        rs.getTimestamp(13).toInstant()))
                .list();
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = List.copyOf(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }
}
