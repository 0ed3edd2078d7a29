package com.summit.customer.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    private static final String COLUMNS = "id, name, credit_code, industry, region, owner_username, tier, created_at";
    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String creditCode, Industry industry, String region, String owner) {
        return jdbc.sql("""
                insert into customer (name, credit_code, industry, region, owner_username)
                values (:name, :code, :industry, :region, :owner) returning id""")
                .param("name", name).param("code", creditCode)
                .param("industry", industry == null ? null : industry.name())
                .param("region", region).param("owner", owner)
                .query(Long.class).single();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from customer where lower(btrim(name)) = lower(btrim(:name))")
                .param("name", name).query(Long.class).single() > 0;
    }

    public Optional<Customer> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = :id").param("id", id).query(this::map).optional();
    }

    public List<Customer> findAll() {
        return jdbc.sql("select " + COLUMNS + " from customer order by created_at desc, id desc").query(this::map).list();
    }

    /** The owners of customers (all, or only this one's own). */
    public List<String> owners(String onlyOwner) {
        return jdbc.sql("select distinct owner_username from customer where cast(:o as varchar) is null or owner_username = :o order by 1")
                .param("o", onlyOwner).query(String.class).list();
    }

    public List<Customer> findByOwner(String owner) {
        return jdbc.sql("select " + COLUMNS + " from customer where owner_username = :o order by created_at desc, id desc")
                .param("o", owner).query(this::map).list();
    }

    /** Sets the value tier; the tiering rules of issue #6 call this, and demo data does. */
    public void updateTier(long id, CustomerTier tier) {
        jdbc.sql("update customer set tier = :tier, version = version + 1 where id = :id")
                .param("id", id).param("tier", tier.name()).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from customer").query(Long.class).single();
    }

    /** What the customer list asks for: who may see what (visibleTo null = everyone), and the filters. */
    public record ListQuery(String visibleTo, CustomerTier tier, Industry industry, String region, String owner, String name) {}

    /** One page of the list, in the order asked for (name or newest first). */
    public java.util.List<Customer> page(ListQuery q, int offset, int limit, boolean newestFirst) {
        var sql = jdbc.sql("select " + COLUMNS + " from customer" + where(q) + (newestFirst ? " order by created_at desc, id desc" : " order by name, id")
                + " offset :offset limit :limit");
        return bind(sql, q).param("offset", offset).param("limit", limit).query(this::map).list();
    }

    public long count(ListQuery q) {
        return bind(jdbc.sql("select count(*) from customer" + where(q)), q).query(Long.class).single();
    }

    private static String where(ListQuery q) {
        StringBuilder w = new StringBuilder(" where true");
        if (q.visibleTo() != null) {
            w.append(" and owner_username = :visibleTo");
        }
        if (q.tier() != null) {
            w.append(" and tier = :tier");
        }
        if (q.industry() != null) {
            w.append(" and industry = :industry");
        }
        if (q.region() != null) {
            w.append(" and region ilike :region");
        }
        if (q.owner() != null) {
            w.append(" and owner_username = :owner");
        }
        if (q.name() != null) {
            w.append(" and name ilike :name");
        }
        return w.toString();
    }

    private static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(org.springframework.jdbc.core.simple.JdbcClient.StatementSpec sql,
            ListQuery q) {
        if (q.visibleTo() != null) {
            sql = sql.param("visibleTo", q.visibleTo());
        }
        if (q.tier() != null) {
            sql = sql.param("tier", q.tier().name());
        }
        if (q.industry() != null) {
            sql = sql.param("industry", q.industry().name());
        }
        if (q.region() != null) {
            sql = sql.param("region", "%" + like(q.region()) + "%");
        }
        if (q.owner() != null) {
            sql = sql.param("owner", q.owner());
        }
        if (q.name() != null) {
            sql = sql.param("name", "%" + like(q.name()) + "%");
        }
        return sql;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Customer map(ResultSet rs, int row) throws SQLException {
        String industry = rs.getString(4);
        return new Customer(rs.getLong(1), rs.getString(2), rs.getString(3), industry == null ? null : Industry.valueOf(industry),
                rs.getString(5), rs.getString(6), CustomerTier.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant());
    }
}
