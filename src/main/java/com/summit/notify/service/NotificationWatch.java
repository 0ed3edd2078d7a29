package com.summit.notify.service;

import com.summit.notify.domain.NotificationRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the open bells live: every few seconds, one query asks for the newest notification of each user with a bell
 * open on this replica, and the bells of those who got a new one are told. A notification written on another replica
 * is seen the same way, since the query reads the shared database.
 */
@Component
public class NotificationWatch {

    private static final Logger log = LoggerFactory.getLogger(NotificationWatch.class);

    private final NotificationRepository notifications;
    private final Map<String, Set<Runnable>> bells = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    NotificationWatch(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** A bell opened for the user: it is told when a new notification arrives; the returned action closes it. */
    public Runnable watch(String username, Runnable onNew) {
        bells.computeIfAbsent(username, u -> new CopyOnWriteArraySet<>()).add(onNew);
        seen.computeIfAbsent(username, u -> notifications.latestIds(java.util.List.of(u)).getOrDefault(u, 0L));
        return () -> bells.computeIfPresent(username, (u, set) -> {
            set.remove(onNew);
            if (set.isEmpty()) {
                seen.remove(u);
                return null;
            }
            return set;
        });
    }

    @Scheduled(fixedDelayString = "${summit.notify.bell-interval:3s}", initialDelayString = "${summit.notify.bell-interval:3s}")
    public void check() {
        if (bells.isEmpty()) {
            return;
        }
        try {
            notifications.latestIds(bells.keySet()).forEach((user, latest) -> {
                Long before = seen.put(user, latest);
                if (before == null || latest > before) {
                    bells.getOrDefault(user, Set.of()).forEach(Runnable::run);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Checking for new notifications failed: {}", e.getMessage());
        }
    }
}
