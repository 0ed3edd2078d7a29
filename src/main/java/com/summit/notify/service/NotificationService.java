package com.summit.notify.service;

import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.notify.domain.Notice;
import com.summit.notify.domain.NotificationRepository;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people what a process step wants them to know, in the app (the bell in the header). Each notification is
 * written in both languages when sent, and a repeated job (the engine retries) sends nothing twice.
 */
@Service
public class NotificationService {

    public static final int RECENT_LIMIT = 30;
    private static final int TEXT_MAX = 1000;

    private final NotificationRepository notifications;
    private final UserService users;
    private final Messages messages;

    NotificationService(NotificationRepository notifications, UserService users, Messages messages) {
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
    }

    /**
     * What to send: a kind (for filtering and tests), a key that makes it unique per recipient, a link into the app,
     * and the text in a given language.
     */
    public record Message(String kind, String dedupeKey, String link, Function<Locale, String> text) {}

    /** Sends a message to each named user once; returns how many were newly told. */
    @Transactional
    public int send(Collection<String> recipients, Message message) {
        String zh = truncate(message.text().apply(Locales.ZH_CN));
        String en = truncate(message.text().apply(Locales.EN));
        int sent = 0;
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient != null && !recipient.isBlank()
                    && notifications.insertIfAbsent(recipient, message.kind(), zh, en, message.link(), message.dedupeKey())) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends a message to every member of a candidate group. */
    @Transactional
    public int sendToGroup(String group, Message message) {
        return send(membersOf(group), message);
    }

    public Set<String> membersOf(String group) {
        Set<String> members = new LinkedHashSet<>();
        for (SummitUser user : users.findAll()) {
            if (user.groups().contains(group)) {
                members.add(user.username());
            }
        }
        return members;
    }

    /** A message text from a bundle key and arguments that are themselves worded per language. */
    public Function<Locale, String> text(String key, Function<Locale, Object[]> args) {
        return locale -> messages.getTranslation(key, locale, args.apply(locale));
    }

    public int unreadCount(SummitUser user) {
        return notifications.unreadCount(user.username());
    }

    public List<Notice> recent(SummitUser user, Locale locale) {
        return notifications.recent(user.username(), Locales.supported(locale).equals(Locales.EN), RECENT_LIMIT);
    }

    @Transactional
    public void markRead(SummitUser user, long id) {
        notifications.markRead(user.username(), id);
    }

    @Transactional
    public void markAllRead(SummitUser user) {
        notifications.markAllRead(user.username());
    }

    private static String truncate(String s) {
        return s.length() <= TEXT_MAX ? s : s.substring(0, TEXT_MAX - 1) + "…";
    }
}
