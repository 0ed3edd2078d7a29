package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.security.service.UserService;
import db.migration.V28__Clean_names;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Names written before they were cleaned on every write get their clean form, as a new one would: the customer can
 * be found and matched by the name people mean. One whose clean name is taken keeps its own, and nothing fails.
 */
class CleanNamesMigrationIT extends LocalAppIT {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerService customers;
    @Autowired UserService users;

    @Test
    void oldNamesGetTheirCleanFormAndACustomerWhoseCleanNameIsTakenKeepsItsOwn() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var rep = users.find("zhangwei").orElseThrow();
        var taken = customers.create(new NewCustomer("华东 冷链" + marker, null, Industry.FMCG, "上海"), rep);
        // as an older release stored them: full-width letters, a zero-width space, doubled and odd spaces
        long fullWidth = insertCustomer("ＡＢＣ物流\u200b  " + marker + "\u3000有限公司");
        long clash = insertCustomer("华东\u00a0\u00a0冷链" + marker);
        // NFKC lengthens ㈱ to (株): 30 of them no longer fit the 60 characters of a region
        String longRegion = "㈱".repeat(30);
        jdbc.sql("update customer set region = :r where id = :id").param("r", longRegion).param("id", clash).update();
        long contact = jdbc.sql("insert into customer_contact (customer_id, name, role, strength, created_by) values (:c, :n, 'LEAD', 3, 'zhangwei') returning id")
                .param("c", fullWidth).param("n", " 王\u200d总 ").query(Long.class).single();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new V28__Clean_names().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            connection.commit();
        }

        assertThat(name("customer", fullWidth)).isEqualTo("ABC物流 " + marker + " 有限公司");
        assertThat(name("customer", clash)).as("the clean name is another customer's").isEqualTo("华东\u00a0\u00a0冷链" + marker);
        assertThat(name("customer", taken.id())).isEqualTo("华东 冷链" + marker);
        assertThat(name("customer_contact", contact)).isEqualTo("王总");
        assertThat(jdbc.sql("select region from customer where id = :id").param("id", clash).query(String.class).single())
                .as("a clean form too long for its column").isEqualTo(longRegion);
        assertThat(customers.visibleByName(rep, "ABC物流 " + marker, 0, 10)).extracting(c -> c.id()).containsExactly(fullWidth);
    }

    private long insertCustomer(String name) {
        return jdbc.sql("insert into customer (name, industry, region, owner_username, tier) values (:n, 'FMCG', '上海', 'zhangwei', 'ORDINARY') returning id")
                .param("n", name).query(Long.class).single();
    }

    private String name(String table, long id) {
        return jdbc.sql("select name from " + table + " where id = :id").param("id", id).query(String.class).single();
    }
}
