package com.summit.security.service;

import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Local mode's demo users, one per role, with Chinese names, and two key-account teams (华东 under lina, 华南 under
 * huangmin) that own the generated demo customers; listed on the login page. Never in prod.
 */
@Component
public class DemoUsers implements org.springframework.beans.factory.SmartInitializingSingleton {

    public static final String PASSWORD = "summit";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    public static final List<SummitUser> USERS = List.of(
            new SummitUser("zhangwei", "张伟", Set.of(Role.REP), "华东大客户部", "lina"),
            new SummitUser("lina", "李娜", Set.of(Role.MANAGER), "华东大客户部", null),
            new SummitUser("wangqiang", "王强", Set.of(Role.REP), "华东大客户部", "lina"),
            new SummitUser("liuting", "刘婷", Set.of(Role.REP), "华东大客户部", "lina"),
            new SummitUser("chenhao", "陈浩", Set.of(Role.REP), "华东大客户部", "lina"),
            new SummitUser("huangmin", "黄敏", Set.of(Role.MANAGER), "华南大客户部", null),
            new SummitUser("linfeng", "林峰", Set.of(Role.REP), "华南大客户部", "huangmin"),
            new SummitUser("zhouyan", "周燕", Set.of(Role.REP), "华南大客户部", "huangmin"),
            new SummitUser("wangfang", "王芳", Set.of(Role.LEGAL), "法务部", null),
            new SummitUser("liuyang", "刘洋", Set.of(Role.FINANCE), "财务部", null),
            new SummitUser("chenjie", "陈杰", Set.of(Role.TECH), "运营技术部", null),
            new SummitUser("zhengyun", "郑云", Set.of(Role.OPERATIONS), "运营技术部", null),
            new SummitUser("zhoujun", "周骏", Set.of(Role.LEGAL), "法务部", null, true),
            new SummitUser("sunli", "孙丽", Set.of(Role.FINANCE), "财务部", null, true),
            new SummitUser("wuhao", "吴昊", Set.of(Role.TECH), "运营技术部", null, true),
            new SummitUser("zhaomin", "赵敏", Set.of(Role.PROCESS_OWNER), "流程管理部", null),
            new SummitUser("admin", "系统管理员", Set.of(Role.ADMIN), null, null));

    private final DemoSettings settings;
    private final UserService users;

    DemoUsers(DemoSettings settings, UserService users) {
        this.settings = settings;
        this.users = users;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The demo users to list on the login page; empty when demo mode is off. */
    public List<SummitUser> listed() {
        return settings.enabled() ? USERS : List.of();
    }

    @Override
    public void afterSingletonsInstantiated() {
        createAll();
    }

    public void createAll() {
        if (!settings.enabled()) {
            return;
        }
        int created = 0;
        for (SummitUser user : USERS) {
            if (users.createIfMissing(user, PASSWORD)) {
                // demo addresses: an email at the demo domain, and the username as WeCom and DingTalk id
                users.setOwnAddresses(user, user.username() + "@summit.example", user.username(), user.username());
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} demo users (password '{}')", created, PASSWORD);
        }
    }

    @ConfigurationProperties("summit.demo")
    public record DemoSettings(boolean enabled) {}
}
