package com.summit.customer.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ContactRepository {

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long customerId, String name, String title, ContactRole role, int strength, String preferences, String notes, String by) {
        return jdbc.sql("""
                insert into customer_contact (customer_id, name, title, role, strength, preferences, notes, created_by)
                values (:c, :n, :t, :r, :s, :p, :notes, :by) returning id""")
                .param("c", customerId).param("n", name).param("t", title).param("r", role.name()).param("s", strength)
                .param("p", preferences).param("notes", notes).param("by", by).query(Long.class).single();
    }

    public List<Contact> ofCustomer(long customerId) {
        return jdbc.sql("""
                select id, customer_id, name, title, role, strength, preferences, notes, created_by, created_at
                from customer_contact where customer_id = :c order by role, strength desc, id""")
                .param("c", customerId)
                .query((rs, n) -> new Contact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), ContactRole.valueOf(rs.getString(5)),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    public int delete(long customerId, long contactId) {
        return jdbc.sql("delete from customer_contact where id = :id and customer_id = :c").param("id", contactId).param("c", customerId).update();
    }

    /** A contact brought in with its customer (another CRM, the demo data). */
    public record Imported(long customerId, String name, String title, ContactRole role, int strength, String by) {}

    /** Inserts many contacts in one statement. */
    public int insertAll(List<Imported> contacts) {
        if (contacts.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into customer_contact (customer_id, name, title, role, strength, created_by)
                select * from unnest(cast(:customers as bigint[]), cast(:names as text[]), cast(:titles as text[]), cast(:roles as text[]),
                                     cast(:strengths as smallint[]), cast(:by as text[]))""")
                .param("customers", contacts.stream().map(Imported::customerId).toArray(Long[]::new))
                .param("names", contacts.stream().map(Imported::name).toArray(String[]::new))
                .param("titles", contacts.stream().map(Imported::title).toArray(String[]::new))
                .param("roles", contacts.stream().map(c -> c.role().name()).toArray(String[]::new))
                .param("strengths", contacts.stream().map(c -> (long) c.strength()).toArray(Long[]::new))
                .param("by", contacts.stream().map(Imported::by).toArray(String[]::new))
                .update();
    }
}
