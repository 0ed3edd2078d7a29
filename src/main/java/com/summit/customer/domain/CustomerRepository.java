package com.summit.customer.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

    private static final String COLUMNS = "id, name, credit_code, industry, region, owner_username, tier, created_at, address, need_type, trend,"
            + " purchase_months, services_used";
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

    /** The customers with these ids, by id (one statement, whatever the number). */
    public java.util.Map<Long, Customer> findByIds(java.util.Collection<Long> ids) {
        java.util.Map<Long, Customer> found = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from customer where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).query(this::map)
                .list().forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** The owners of the customers the viewer sees. */
    public List<String> owners(Viewer viewer) {
        return bindViewer(jdbc.sql("select distinct owner_username from customer c where" + VISIBLE + " order by 1"), viewer)
                .query(String.class).list();
    }

    /**
     * Who is looking: a rep sees their own customers and those of the opportunity teams they are in; a manager also
     * sees their team's (owners in the manager's team or reporting to them); an admin sees all.
     */
    public record Viewer(String username, String team, boolean manager, boolean admin) {}

    /** The visibility rule as SQL over the customer row {@code c}, with the viewer's parameters. */
    static final String VISIBLE = """
             (:vAdmin or c.owner_username = :vUser
              or exists (select 1 from opportunity o join opportunity_member m on m.opportunity_id = o.id
                         where o.customer_id = c.id and m.username = :vUser)
              or (:vManager and exists (select 1 from app_user a where a.username = c.owner_username
                                        and (a.manager_username = :vUser or (a.team = :vTeam and :vTeam <> '')))))""";

    static JdbcClient.StatementSpec bindViewer(JdbcClient.StatementSpec sql, Viewer v) {
        return sql.param("vAdmin", v.admin()).param("vUser", v.username()).param("vManager", v.manager())
                .param("vTeam", v.team() == null ? "" : v.team());
    }

    public List<Customer> findVisibleTo(Viewer viewer) {
        return bindViewer(jdbc.sql("select " + COLUMNS + " from customer c where" + VISIBLE + " order by created_at desc, id desc"), viewer)
                .query(this::map).list();
    }

    /**
     * One page of the visible customers whose name contains the text (any case), by name: what a customer box
     * shows as the user types, read a page at a time.
     */
    public List<Customer> findVisibleByName(Viewer viewer, String text, int offset, int limit) {
        return bindViewer(jdbc.sql("select " + COLUMNS + " from customer c where" + VISIBLE
                + " and (:text = '' or c.name ilike :pattern escape '\\') order by c.name, c.id offset :offset limit :limit"), viewer)
                .param("text", text).param("pattern", "%" + like(text) + "%").param("offset", offset).param("limit", limit)
                .query(this::map).list();
    }

    public int countVisibleByName(Viewer viewer, String text) {
        return bindViewer(jdbc.sql("select count(*) from customer c where" + VISIBLE
                + " and (:text = '' or c.name ilike :pattern escape '\\')"), viewer)
                .param("text", text).param("pattern", "%" + like(text) + "%").query(Integer.class).single();
    }

    public Optional<Customer> findVisible(long id, Viewer viewer) {
        return bindViewer(jdbc.sql("select " + COLUMNS + " from customer c where id = :id and" + VISIBLE), viewer).param("id", id)
                .query(this::map).optional();
    }

    /** Sets the value tier; the tiering rules of issue #6 call this, and demo data does. */
    public void updateTier(long id, CustomerTier tier) {
        jdbc.sql("update customer set tier = :tier, version = version + 1 where id = :id")
                .param("id", id).param("tier", tier.name()).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from customer").query(Long.class).single();
    }

    /** What the customer list asks for: who is looking, and the filters. */
    public record ListQuery(Viewer visibleTo, CustomerTier tier, Industry industry, String region, String owner, String name, Trend trend) {}

    /** One page of the list, in the order asked for (name or newest first). */
    public java.util.List<Customer> page(ListQuery q, int offset, int limit, boolean newestFirst) {
        var sql = jdbc.sql("select " + COLUMNS + " from customer c" + where(q) + (newestFirst ? " order by created_at desc, id desc" : " order by name, id")
                + " offset :offset limit :limit");
        return bind(sql, q).param("offset", offset).param("limit", limit).query(this::map).list();
    }

    public long count(ListQuery q) {
        return bind(jdbc.sql("select count(*) from customer c" + where(q)), q).query(Long.class).single();
    }

    private static String where(ListQuery q) {
        StringBuilder w = new StringBuilder(" where" + VISIBLE);
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
        if (q.trend() != null) {
            w.append(" and trend = :trend");
        }
        return w.toString();
    }

    private static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(org.springframework.jdbc.core.simple.JdbcClient.StatementSpec sql,
            ListQuery q) {
        sql = bindViewer(sql, q.visibleTo());
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
        if (q.trend() != null) {
            sql = sql.param("trend", q.trend().name());
        }
        return sql;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Customer map(ResultSet rs, int row) throws SQLException {
        String industry = rs.getString(4);
        String need = rs.getString(10);
        String trend = rs.getString(11);
        String services = rs.getString(13);
        return new Customer(rs.getLong(1), rs.getString(2), rs.getString(3), industry == null ? null : Industry.valueOf(industry),
                rs.getString(5), rs.getString(6), CustomerTier.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant(), rs.getString(9),
                need == null ? null : NeedType.valueOf(need), trend == null ? null : Trend.valueOf(trend), rs.getInt(12),
                services == null || services.isBlank() ? List.of()
                        : java.util.Arrays.stream(services.split(",")).map(LogisticsService::valueOf).toList());
    }

    /** Sets the rep's need type (null: not assessed). */
    public void updateNeedType(long id, NeedType needType) {
        jdbc.sql("update customer set need_type = :n, version = version + 1 where id = :id").param("id", id)
                .param("n", needType == null ? null : needType.name()).update();
    }

    public boolean creditCodeTaken(String code) {
        return jdbc.sql("select count(*) from customer where credit_code = :c").param("c", code).query(Long.class).single() > 0;
    }

    /** A customer brought in from elsewhere (another CRM, the demo data), with its own creation time. */
    public record Imported(String name, String creditCode, Industry industry, String region, String address, String owner,
            java.time.Instant createdAt) {}

    /** Inserts many customers in one statement; their ids, in the order given. */
    public List<Long> insertAll(List<Imported> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("""
                insert into customer (name, credit_code, industry, region, address, owner_username, created_at)
                select * from unnest(cast(:names as text[]), cast(:codes as text[]), cast(:industries as text[]), cast(:regions as text[]),
                                     cast(:addresses as text[]), cast(:owners as text[]), cast(:created as timestamptz[]))
                returning id, name""")
                .param("names", customers.stream().map(Imported::name).toArray(String[]::new))
                .param("codes", customers.stream().map(Imported::creditCode).toArray(String[]::new))
                .param("industries", customers.stream().map(c -> c.industry() == null ? null : c.industry().name()).toArray(String[]::new))
                .param("regions", customers.stream().map(Imported::region).toArray(String[]::new))
                .param("addresses", customers.stream().map(Imported::address).toArray(String[]::new))
                .param("owners", customers.stream().map(Imported::owner).toArray(String[]::new))
                .param("created", customers.stream().map(c -> c.createdAt().toString()).toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        return customers.stream().map(c -> ids.get(c.name())).toList();
    }
}
