package com.summit.security.domain;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(SummitUser user, String passwordHash, boolean enabled) {}

    public Optional<Account> findAccount(String username) {
        return jdbc.sql("""
                select username, display_name, password_hash, enabled, team, manager_username, department_head
                from app_user where username = :username""")
                .param("username", username)
                .query((rs, n) -> new Account(
                        new SummitUser(rs.getString("username"), rs.getString("display_name"),
                                rolesOf(rs.getString("username")), rs.getString("team"), rs.getString("manager_username"),
                                rs.getBoolean("department_head")),
                        rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    public Optional<SummitUser> find(String username) {
        return findAccount(username).map(Account::user);
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    public void insert(SummitUser user, String passwordHash) {
        long id = jdbc.sql("""
                insert into app_user (username, display_name, password_hash, team, manager_username, department_head)
                values (:username, :displayName, :hash, :team, :manager, :head) returning id""")
                .param("head", user.departmentHead())
                .param("username", user.username())
                .param("displayName", user.displayName())
                .param("hash", passwordHash)
                .param("team", user.team())
                .param("manager", user.managerUsername())
                .query(Long.class).single();
        for (Role role : user.roles()) {
            jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    /** Display names by username, for showing who did what. */
    public Map<String, String> displayNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select username, display_name from app_user order by id")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    public List<SummitUser> findAll() {
        return jdbc.sql("select username from app_user order by id").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    private Set<Role> rolesOf(String username) {
        List<String> names = jdbc.sql("""
                select r.role from app_user_role r join app_user u on u.id = r.user_id where u.username = :u""")
                .param("u", username).query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    /** Where a user hears notifications outside the app: email, WeCom user id, DingTalk user id (each may be unknown). */
    public record Addresses(String email, String wecomId, String dingtalkId) {}

    public java.util.Map<String, Addresses> addresses(java.util.Collection<String> usernames) {
        java.util.Map<String, Addresses> result = new java.util.HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, email, wecom_id, dingtalk_id from app_user where username in (:u)").param("u", usernames)
                    .query(rs -> {
                        result.put(rs.getString(1), new Addresses(rs.getString(2), rs.getString(3), rs.getString(4)));
                    });
        }
        return result;
    }

    public void setAddresses(String username, Addresses addresses) {
        jdbc.sql("update app_user set email = :e, wecom_id = :w, dingtalk_id = :d where username = :u").param("u", username)
                .param("e", addresses.email()).param("w", addresses.wecomId()).param("d", addresses.dingtalkId()).update();
    }
}
