package com.summit.notify.service;

import com.summit.notify.domain.Channel;
import com.summit.notify.domain.NoticeEvent;
import com.summit.notify.domain.PreferenceRepository;
import com.summit.notify.domain.RobotRepository;
import com.summit.security.domain.SummitUser;
import com.summit.security.domain.UserRepository;
import com.summit.security.service.UserService;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own notification settings: per event, the channels they hear it on; and the addresses the channels reach
 * them at. Everyone changes only their own.
 */
@Service
public class NotificationSettings {

    private final PreferenceRepository preferences;
    private final RobotRepository robots;
    private final UserService users;
    private final Map<Channel, ChannelSender> senders;

    NotificationSettings(PreferenceRepository preferences, RobotRepository robots, UserService users, List<ChannelSender> senders) {
        this.preferences = preferences;
        this.robots = robots;
        this.users = users;
        this.senders = RobotSenders.byChannel(senders);
    }

    /** The events a person can choose for (not the catch-all). */
    public List<NoticeEvent> events() {
        return java.util.Arrays.stream(NoticeEvent.values()).filter(e -> e != NoticeEvent.OTHER).toList();
    }

    /** Per event, per channel: whether the user hears it (their choice, else the default). */
    public Map<NoticeEvent, Map<Channel, Boolean>> matrix(SummitUser user) {
        Map<PreferenceRepository.Choice, Boolean> own = preferences.of(user.username());
        Map<NoticeEvent, Map<Channel, Boolean>> matrix = new EnumMap<>(NoticeEvent.class);
        for (NoticeEvent event : events()) {
            Map<Channel, Boolean> row = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                row.put(channel, own.getOrDefault(new PreferenceRepository.Choice(event, channel), event.byDefault(channel)));
            }
            matrix.put(event, row);
        }
        return matrix;
    }

    @Transactional
    public void choose(SummitUser user, NoticeEvent event, Channel channel, boolean on) {
        preferences.set(user.username(), event, channel, on);
    }

    /** Which channels can reach anyone here: email needs an SMTP server, a robot channel an enabled robot. */
    public Set<Channel> available() {
        Set<Channel> available = EnumSet.of(Channel.IN_APP);
        if (senders.containsKey(Channel.EMAIL) && senders.get(Channel.EMAIL).configured()) {
            available.add(Channel.EMAIL);
        }
        robots.all().stream().filter(com.summit.notify.domain.Robot::enabled).forEach(r -> available.add(r.kind()));
        return available;
    }

    public UserRepository.Addresses addresses(SummitUser user) {
        return users.addresses(List.of(user.username())).getOrDefault(user.username(), new UserRepository.Addresses(null, null, null));
    }

    public void setAddresses(SummitUser user, String email, String wecomId, String dingtalkId) {
        users.setOwnAddresses(user, email, wecomId, dingtalkId);
    }
}
