package com.summit.notify.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * @mentions in what people write (a task comment, a note): {@code @张伟} or {@code @zhangwei} names a user, also when
 * Chinese text runs on without a space ({@code @张伟请跟进}: the longest name that starts there). Only someone who may
 * see the deal can be mentioned; mentioning anyone else is refused before anything is stored.
 */
@Component
public class Mentions {

    private static final Pattern AT = Pattern.compile("@([\\p{L}\\p{N}_.-]{1,60})");

    private final UserService users;
    private final NotificationService notifications;

    Mentions(UserService users, NotificationService notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    /** The users the text mentions, each once, in the order they appear. */
    public List<SummitUser> in(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return List.of();
        }
        List<SummitUser> all = users.findAll();
        Map<String, SummitUser> found = new LinkedHashMap<>();
        Matcher m = AT.matcher(text);
        while (m.find()) {
            String token = m.group(1);
            all.stream().filter(u -> token.startsWith(u.displayName()) || token.startsWith(u.username()))
                    .max(Comparator.comparingInt(u -> Math.max(token.startsWith(u.displayName()) ? u.displayName().length() : 0,
                            token.startsWith(u.username()) ? u.username().length() : 0)))
                    .ifPresent(u -> found.putIfAbsent(u.username(), u));
        }
        return new ArrayList<>(found.values());
    }

    /** Refuses, in the user's language, a mention of someone who may not see what the text is about. */
    public List<SummitUser> check(String text, Predicate<SummitUser> maySee) {
        List<SummitUser> mentioned = in(text);
        for (SummitUser user : mentioned) {
            if (!maySee.test(user)) {
                throw new UserFacingException("notify.mention.error.notVisible", user.displayName());
            }
        }
        return mentioned;
    }

    /** Tells each mentioned user (not the author) what was written, with a link to where. */
    public void tell(List<SummitUser> mentioned, SummitUser author, String where, String text, String link, String dedupeKey) {
        List<String> recipients = mentioned.stream().map(SummitUser::username).filter(u -> !u.equals(author.username())).toList();
        if (recipients.isEmpty()) {
            return;
        }
        String excerpt = text.length() > 300 ? text.substring(0, 299) + "…" : text;
        notifications.send(recipients, new NotificationService.Message("MENTIONED", "mention:" + dedupeKey, link,
                notifications.text("notify.mention", locale -> new Object[] {author.displayName(), where, excerpt})));
    }
}
