package com.summit.notify.service;

import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.DeliveryRepository;
import com.summit.notify.domain.NoticeEvent;
import com.summit.notify.domain.Robot;
import com.summit.notify.domain.RobotRepository;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For admins: the team's robots (a WeCom group robot, a DingTalk custom robot) and the events each gets, a test
 * message that shows the robot's own answer, and the messages that could not be delivered, with "send again".
 */
@Service
public class RobotAdministration {

    public static final int NAME_MAX = 60;
    public static final String WECOM_HOST = "qyapi.weixin.qq.com";
    public static final String DINGTALK_HOST = "oapi.dingtalk.com";
    private static final Logger log = LoggerFactory.getLogger(RobotAdministration.class);

    private final RobotRepository robots;
    private final DeliveryRepository deliveries;
    private final Map<Channel, ChannelSender> senders;
    private final Messages messages;

    RobotAdministration(RobotRepository robots, DeliveryRepository deliveries, List<ChannelSender> senders, Messages messages) {
        this.robots = robots;
        this.deliveries = deliveries;
        this.senders = RobotSenders.byChannel(senders);
        this.messages = messages;
    }

    public List<Robot> robots(SummitUser user) {
        mayAdminister(user);
        return robots.all();
    }

    /**
     * Adds a robot from the webhook address its group shows (WeCom: {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…};
     * DingTalk: {@code https://oapi.dingtalk.com/robot/send?access_token=…}, with its signing secret {@code SEC…}).
     * Refused with every reason, in the user's language, and nothing stored.
     */
    @Transactional
    public Robot add(Channel kind, String name, String webhookUrl, String secret, Set<NoticeEvent> events, SummitUser user) {
        mayAdminister(user);
        List<FieldError> errors = new ArrayList<>();
        String label = name == null ? "" : name.strip();
        if (kind != Channel.WECOM && kind != Channel.DINGTALK) {
            errors.add(new FieldError("kind", null, "robot.error.kind"));
        }
        if (label.isEmpty()) {
            errors.add(new FieldError("name", null, "robot.error.nameRequired"));
        } else if (label.codePointCount(0, label.length()) > NAME_MAX) {
            errors.add(new FieldError("name", null, "robot.error.nameTooLong", NAME_MAX));
        }
        String token = kind == Channel.WECOM || kind == Channel.DINGTALK ? token(kind, webhookUrl, errors) : null;
        String sign = secret == null || secret.isBlank() ? null : secret.strip();
        if (kind == Channel.DINGTALK && sign != null && (!sign.startsWith("SEC") || sign.length() > 200 || sign.contains(" "))) {
            errors.add(new FieldError("secret", null, "robot.error.secret"));
        }
        if (kind == Channel.WECOM && sign != null) {
            errors.add(new FieldError("secret", null, "robot.error.noSecret"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = robots.insert(kind, label, token, sign, events == null ? Set.of() : events, user.username());
        log.info("{} added the {} robot '{}'", user.username(), kind, label);
        return robots.find(id).orElseThrow();
    }

    @Transactional
    public void update(long id, String name, Set<NoticeEvent> events, boolean enabled, SummitUser user) {
        mayAdminister(user);
        Robot robot = robots.find(id).orElseThrow(() -> new UserFacingException("robot.error.notFound"));
        String label = name == null || name.isBlank() ? robot.name() : name.strip();
        if (label.codePointCount(0, label.length()) > NAME_MAX) {
            throw new ValidationException(List.of(new FieldError("name", null, "robot.error.nameTooLong", NAME_MAX)));
        }
        robots.update(id, label, events == null ? Set.of() : events, enabled);
    }

    @Transactional
    public void remove(long id, SummitUser user) {
        mayAdminister(user);
        if (robots.delete(id) == 0) {
            throw new UserFacingException("robot.error.notFound");
        }
    }

    /** What a test message got from the robot: sent, or the robot's own error, in words. */
    public record TestAnswer(boolean sent, String error, String response) {}

    /** Sends a test message straight away (not through the outbox): the admin sees at once whether the settings work. */
    public TestAnswer test(long id, SummitUser user) {
        mayAdminister(user);
        Robot robot = robots.find(id).orElseThrow(() -> new UserFacingException("robot.error.notFound"));
        String subject = messages.getTranslation("robot.test.subject", Locales.ZH_CN);
        String body = "**" + subject + "**\n\n" + messages.getTranslation("robot.test.body", Locales.ZH_CN, user.displayName());
        Delivery probe = new Delivery(0, robot.kind(), robot.id(), null, null, NoticeEvent.OTHER, subject, body, List.of(), Delivery.State.PENDING, 0,
                Instant.now(), null, null, Instant.now(), null);
        ChannelSender.Result result = senders.get(robot.kind()).send(probe, robot);
        log.info("{} tested the robot '{}': {}", user.username(), robot.name(), result.sent() ? "sent" : result.error());
        return new TestAnswer(result.sent(), result.error(), result.response());
    }

    /** The messages that failed for good, newest first, with the channel's answer. */
    public List<Delivery> failed(SummitUser user) {
        mayAdminister(user);
        return deliveries.failed(200);
    }

    public DeliveryRepository.Counts counts(SummitUser user) {
        mayAdminister(user);
        return deliveries.counts();
    }

    /** Sends a failed message again, from the start of its retries. */
    @Transactional
    public void sendAgain(long deliveryId, SummitUser user) {
        mayAdminister(user);
        if (deliveries.retry(deliveryId) == 0) {
            throw new UserFacingException("robot.error.notFailed");
        }
        log.info("{} sends notification {} again", user.username(), deliveryId);
    }

    /** The robot's key (WeCom) or access token (DingTalk) from its webhook address, which must be the vendor's, over https. */
    private static String token(Channel kind, String webhookUrl, List<FieldError> errors) {
        String url = webhookUrl == null ? "" : webhookUrl.strip();
        String host = kind == Channel.WECOM ? WECOM_HOST : DINGTALK_HOST;
        String path = kind == Channel.WECOM ? "/cgi-bin/webhook/send" : "/robot/send";
        String param = kind == Channel.WECOM ? "key" : "access_token";
        String example = kind == Channel.WECOM ? "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
                : "https://oapi.dingtalk.com/robot/send?access_token=…";
        if (url.isEmpty()) {
            errors.add(new FieldError("webhook", null, "robot.error.webhookRequired", example));
            return null;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                errors.add(new FieldError("webhook", null, "robot.error.notHttps", example));
                return null;
            }
            if (!host.equalsIgnoreCase(uri.getHost()) || uri.getPort() != -1 || uri.getUserInfo() != null || !path.equals(uri.getPath())) {
                errors.add(new FieldError("webhook", null, "robot.error.wrongHost", host, example));
                return null;
            }
            String token = null;
            for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(param)) {
                    token = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            if (token == null || token.isBlank() || token.length() > 200 || !token.matches("[A-Za-z0-9_-]+")) {
                errors.add(new FieldError("webhook", null, "robot.error.noToken", param, example));
                return null;
            }
            return token;
        } catch (URISyntaxException e) {
            errors.add(new FieldError("webhook", null, "robot.error.notHttps", example));
            return null;
        }
    }

    private static void mayAdminister(SummitUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new UserFacingException("robot.error.forbidden");
        }
    }
}
