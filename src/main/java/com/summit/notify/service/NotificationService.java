package com.summit.notify.service;

import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.notify.domain.Channel;
import com.summit.notify.domain.DeliveryRepository;
import com.summit.notify.domain.NoticeEvent;
import com.summit.notify.domain.Notice;
import com.summit.notify.domain.PreferenceRepository;
import com.summit.notify.domain.Robot;
import com.summit.notify.domain.RobotRepository;
import com.summit.notify.domain.NotificationRepository;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
    private final PreferenceRepository preferences;
    private final RobotRepository robots;
    private final DeliveryRepository deliveries;
    private final Map<Channel, ChannelSender> senders;
    private final String publicUrl;

    NotificationService(NotificationRepository notifications, UserService users, Messages messages,
            PreferenceRepository preferences, RobotRepository robots,
            DeliveryRepository deliveries, List<ChannelSender> senders,
            @org.springframework.beans.factory.annotation.Value("${summit.notify.public-url:http://localhost:8080}") String publicUrl) {
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
        this.preferences = preferences;
        this.robots = robots;
        this.deliveries = deliveries;
        this.senders = RobotSenders.byChannel(senders);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * What to send: a kind (for filtering and tests), a key that makes it unique per recipient, a link into the app,
     * and the text in a given language.
     */
    public record Message(String kind, String dedupeKey, String link, Function<Locale, String> text) {}

    /**
     * Sends a message to each named user once, on the channels each of them chose for its event (the bell and, for
     * the events that ask for action, email by default), and to the team's robots that take the event or that
     * mention one of them. Only the bell is written here; email and robot posts are queued in the delivery outbox and
     * sent after the commit, so delivery never holds up the work. A repeated call (a retried job) sends nothing twice.
     * Returns how many were newly told in the app.
     */
    @Transactional
    public int send(Collection<String> recipients, Message message) {
        NoticeEvent event = NoticeEvent.of(message.kind());
        String zh = truncate(message.text().apply(Locales.ZH_CN));
        String en = truncate(message.text().apply(Locales.EN));
        Set<String> people = new LinkedHashSet<>();
        recipients.stream().filter(r -> r != null && !r.isBlank()).forEach(people::add);
        var chosen = preferences.forEvent(people, event);
        var addresses = users.addresses(people);
        String link = message.link() == null ? null : publicUrl + "/" + message.link();
        String subject = truncate(messages.getTranslation("notify.subject", Locales.ZH_CN, messages.getTranslation(event.messageKey(), Locales.ZH_CN)));
        boolean mail = senders.containsKey(Channel.EMAIL) && senders.get(Channel.EMAIL).configured();
        int sent = 0;
        Map<Channel, List<String>> mentions = new EnumMap<>(Channel.class);
        for (String recipient : people) {
            Map<Channel, Boolean> own = chosen.getOrDefault(recipient, Map.of());
            Predicate<Channel> on = c -> own.getOrDefault(c, event.byDefault(c));
            if (on.test(Channel.IN_APP)
                    && notifications.insertIfAbsent(recipient, message.kind(), zh, en, message.link(), message.dedupeKey())) {
                sent++;
            }
            var address = addresses.get(recipient);
            if (address == null) {
                continue;
            }
            if (mail && on.test(Channel.EMAIL) && address.email() != null) {
                String body = zh + (link == null ? "" : "\n" + link) + "\n\n" + en + (link == null ? "" : "\n" + link);
                deliveries.enqueue(Channel.EMAIL, null, recipient, address.email(), event, subject, body, List.of(),
                        "email:" + recipient + ":" + message.dedupeKey());
            }
            if (on.test(Channel.WECOM) && address.wecomId() != null) {
                mentions.computeIfAbsent(Channel.WECOM, c -> new ArrayList<>()).add(address.wecomId());
            }
            if (on.test(Channel.DINGTALK) && address.dingtalkId() != null) {
                mentions.computeIfAbsent(Channel.DINGTALK, c -> new ArrayList<>()).add(address.dingtalkId());
            }
        }
        for (Robot robot : robots.all()) {
            List<String> mentioned = mentions.getOrDefault(robot.kind(), List.of());
            if (robot.enabled() && (robot.events().contains(event) || !mentioned.isEmpty())) {
                String body = "**" + subject + "**\n\n" + zh + (link == null ? "" : "\n\n[" + messages.getTranslation("notify.robot.open", Locales.ZH_CN)
                        + "](" + link + ")");
                deliveries.enqueue(robot.kind(), robot.id(), null, null, event, subject, body, mentioned, "robot:" + robot.id() + ":" + message.dedupeKey());
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
