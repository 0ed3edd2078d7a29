package com.summit.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.NoticeEvent;
import com.summit.notify.domain.Robot;
import com.summit.notify.service.NotificationService;
import com.summit.notify.service.NotificationSettings;
import com.summit.notify.service.RobotAdministration;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications leaving the app, against a real SMTP server (GreenMail) and WireMock standing in for the WeCom and
 * DingTalk robot endpoints: the exact JSON each vendor takes and DingTalk's signature; a robot that answers 500 and then
 * 200 gets the message once; a robot over its rate limit gets every message, none faster than the limit; a failure that
 * outlasts its retries shows to the admin with the channel's answer and is sent again; a channel a user turned off
 * brings them nothing; a bad robot setting is refused in words and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotificationChannelsIT {

    static final Path DATA = Path.of("target", "it-data", "notify-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();
    static final int SMTP = TestPorts.free();
    static final WireMockServer ROBOTS = new WireMockServer(options().bindAddress("127.0.0.1").port(TestPorts.free()));
    static final int RATE = 4;
    static final Duration WINDOW = Duration.ofSeconds(5);

    static {
        ROBOTS.start();
    }

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void app(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        registry.add("summit.demo.generated-customers", () -> "0");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP);
        registry.add("summit.notify.public-url", () -> "https://summit.example.com");
        registry.add("summit.notify.wecom-url", ROBOTS::baseUrl);
        registry.add("summit.notify.dingtalk-url", ROBOTS::baseUrl);
        registry.add("summit.notify.robot-rate", () -> RATE);
        registry.add("summit.notify.robot-rate-window", () -> WINDOW.toMillis() + "ms");
        registry.add("summit.notify.retry-backoff", () -> "500ms");
        registry.add("summit.notify.max-attempts", () -> "3");
        registry.add("summit.notify.dispatch-interval", () -> "200ms");
    }

    @AfterAll
    static void stopRobots() {
        ROBOTS.stop();
    }

    @Autowired NotificationService notifications;
    @Autowired NotificationSettings settings;
    @Autowired RobotAdministration robots;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;

    SummitUser admin;

    @BeforeEach
    void clean() {
        admin = users.find("admin").orElseThrow();
        robots.robots(admin).forEach(r -> robots.remove(r.id(), admin));
        ROBOTS.resetAll();
    }

    @Test
    void anEmailGoesOutInChineseThenEnglishWithTheLinkBackAndNotToWhoTurnedEmailOff() throws Exception {
        String marker = marker();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        settings.choose(rep, NoticeEvent.FOLLOW_UP_OVERDUE, Channel.EMAIL, false);
        notifications.send(List.of("lina", "zhangwei"), message("FOLLOW_UP_OVERDUE", marker, "opportunities/3"));

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> mails(marker), found -> !found.isEmpty()).getFirst();
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("lina@summit.example");
        assertThat(mail.getSubject()).isEqualTo("Summit：跟进到期与逾期");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        String body = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("中文 " + marker).contains("English " + marker).contains("https://summit.example.com/opportunities/3");
        assertThat(body.indexOf("中文 " + marker)).as("Chinese first").isLessThan(body.indexOf("English " + marker));
        Thread.sleep(1500);
        assertThat(mails(marker)).as("the rep turned email off for this event: nothing for them").hasSize(1);
        // the bell still rings for the rep: only email was turned off
        assertThat(notifications.recent(rep, Locales.ZH_CN)).anySatisfy(n -> assertThat(n.text()).isEqualTo("中文 " + marker));

        settings.choose(rep, NoticeEvent.FOLLOW_UP_OVERDUE, Channel.IN_APP, false);
        String second = marker();
        notifications.send(List.of("zhangwei"), message("FOLLOW_UP_OVERDUE", second, null));
        assertThat(notifications.recent(rep, Locales.ZH_CN)).noneSatisfy(n -> assertThat(n.text()).contains(second));
        settings.choose(rep, NoticeEvent.FOLLOW_UP_OVERDUE, Channel.IN_APP, true);
        settings.choose(rep, NoticeEvent.FOLLOW_UP_OVERDUE, Channel.EMAIL, true);
    }

    @Test
    void theWeComRobotGetsMarkdownWithTheLinkAndMentionsThoseWhoChoseIt() {
        ROBOTS.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        Robot robot = robots.add(Channel.WECOM, "华东大客户群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key-1", null,
                Set.of(NoticeEvent.WON_OR_LOST), admin);
        SummitUser rep = users.find("zhangwei").orElseThrow();
        settings.choose(rep, NoticeEvent.WON_OR_LOST, Channel.WECOM, true);
        String marker = marker();
        notifications.send(List.of("zhangwei", "lina"), message("OPPORTUNITY_WON", marker, "opportunities/7"));

        await().atMost(Duration.ofSeconds(20)).until(() -> ROBOTS.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))).size() == 1);
        ROBOTS.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", equalTo("wecom-key-1"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**Summit：赢单或丢单**\\n\\n中文 " + marker
                        + "\\n\\n[在 Summit 中打开](https://summit.example.com/opportunities/7)\\n<@zhangwei>\"}}")));
        assertThat(state(robot)).containsExactly(Delivery.State.SENT);
        settings.choose(rep, NoticeEvent.WON_OR_LOST, Channel.WECOM, false);
    }

    @Test
    void theDingTalkRobotGetsMarkdownSignedWithItsSecret() throws Exception {
        ROBOTS.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String secret = "SEC" + "0123456789abcdef0123456789abcdef";
        robots.add(Channel.DINGTALK, "华南大客户群", "https://oapi.dingtalk.com/robot/send?access_token=ding-token-1", secret,
                Set.of(NoticeEvent.STALLED), admin);
        SummitUser manager = users.find("huangmin").orElseThrow();
        settings.choose(manager, NoticeEvent.STALLED, Channel.DINGTALK, true);
        String marker = marker();
        long before = System.currentTimeMillis();
        notifications.send(List.of("huangmin"), message("OPPORTUNITY_STALLED", marker, "opportunities/9"));

        LoggedRequest request = await().atMost(Duration.ofSeconds(20))
                .until(() -> ROBOTS.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))), found -> found.size() == 1).getFirst();
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("ding-token-1");
        long timestamp = Long.parseLong(request.queryParameter("timestamp").firstValue());
        assertThat(timestamp).isBetween(before, System.currentTimeMillis());
        // HMAC-SHA256 keyed by the secret over timestamp + "\n" + secret, Base64 (the URL carries it URL-encoded)
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(expected);
        assertThat(request.getUrl()).contains("sign=" + java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8));
        assertThat(request.getBodyAsString()).satisfies(body -> assertThat(equalToJson("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":"
                + "\"Summit：商机停滞\",\"text\":\"**Summit：商机停滞**\\n\\n中文 " + marker + "\\n\\n[在 Summit 中打开](https://summit.example.com/opportunities/9)"
                + "\\n\\n@huangmin\"},\"at\":{\"atUserIds\":[\"huangmin\"],\"isAtAll\":false}}").match(body).isExactMatch()).isTrue());
        settings.choose(manager, NoticeEvent.STALLED, Channel.DINGTALK, false);
    }

    @Test
    void aRobotThatAnswers500ThenOkGetsTheMessageOnce() {
        ROBOTS.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("busy")).willSetStateTo("recovered"));
        ROBOTS.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        Robot robot = robots.add(Channel.WECOM, "试点群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=flaky-key", null,
                Set.of(NoticeEvent.GATE_REFUSED), admin);
        notifications.send(List.of("zhangwei"), message("GATE_REFUSED", marker(), "opportunities/2"));

        await().atMost(Duration.ofSeconds(20)).until(() -> state(robot).equals(List.of(Delivery.State.SENT)));
        ROBOTS.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")));
        assertThat(jdbc.sql("select attempts from notification_delivery where robot_id = :r").param("r", robot.id()).query(Integer.class).single())
                .as("one refused, one delivered: the group sees it once").isEqualTo(2);
    }

    @Test
    void aRobotOverItsRateLimitGetsEveryMessageAndNoneFasterThanTheLimit() {
        ROBOTS.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        robots.add(Channel.WECOM, "限流群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=busy-key", null, Set.of(NoticeEvent.STAGE_CHANGED),
                admin);
        int count = 3 * RATE;
        for (int i = 0; i < count; i++) {
            notifications.send(List.of("zhangwei"), message("STAGE_CHANGED", marker(), "opportunities/" + i));
        }
        List<Instant> arrived = await().atMost(Duration.ofSeconds(40)).until(() -> ROBOTS.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")))
                .stream().map(r -> r.getLoggedDate().toInstant()).sorted().toList(), found -> found.size() >= count);
        assertThat(arrived).as("every message arrives, none twice").hasSize(count);
        for (int i = 0; i + RATE < arrived.size(); i++) {
            assertThat(Duration.between(arrived.get(i), arrived.get(i + RATE)))
                    .as("at most %d messages in any %s", RATE, WINDOW).isGreaterThanOrEqualTo(WINDOW.minusMillis(250));
        }
    }

    @Test
    void aFailureThatOutlastsItsRetriesShowsToTheAdminWithTheAnswerAndIsSentAgain() {
        ROBOTS.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(502).withBody("upstream down")));
        Robot robot = robots.add(Channel.DINGTALK, "故障群", "https://oapi.dingtalk.com/robot/send?access_token=down-token", null,
                Set.of(NoticeEvent.APPROVAL), admin);
        String marker = marker();
        notifications.send(List.of("zhangwei"), message("APPROVAL_DECIDED", marker, "opportunities/4"));

        Delivery failed = await().atMost(Duration.ofSeconds(30)).until(() -> robots.failed(admin).stream()
                .filter(d -> robot.id() == (d.robotId() == null ? -1 : d.robotId())).findFirst().orElse(null), d -> d != null);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("HTTP 502");
        assertThat(failed.lastResponse()).isEqualTo("502 upstream down");
        ROBOTS.verify(3, postRequestedFor(urlPathEqualTo("/robot/send")));

        ROBOTS.resetAll();
        ROBOTS.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        robots.sendAgain(failed.id(), admin);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(robot).equals(List.of(Delivery.State.SENT)));
        assertThat(ROBOTS.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains(marker));
        assertThatThrownBy(() -> robots.sendAgain(failed.id(), admin)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void aWrongDingTalkSecretShowsTheRobotsOwnAnswer() {
        ROBOTS.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}")));
        Robot robot = robots.add(Channel.DINGTALK, "签名错误", "https://oapi.dingtalk.com/robot/send?access_token=sign-token", "SECwrong", Set.of(), admin);
        var answer = robots.test(robot.id(), admin);
        assertThat(answer.sent()).isFalse();
        assertThat(messages.getTranslation("robot.test.failed", Locales.ZH_CN, messages.getTranslation("notify.channel.DINGTALK", Locales.ZH_CN),
                answer.error())).isEqualTo("钉钉机器人回复：310000 sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]");
    }

    @Test
    void aBadRobotSettingIsRefusedInWordsAndNothingIsStored() {
        assertRefused(() -> robots.add(Channel.WECOM, "群", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, Set.of(), admin),
                "Webhook 地址应以 https:// 开头，例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
        assertRefused(() -> robots.add(Channel.WECOM, "群", "https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k", null, Set.of(), admin),
                "Webhook 地址应是 qyapi.weixin.qq.com 的机器人地址，例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
        assertRefused(() -> robots.add(Channel.DINGTALK, "群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, Set.of(), admin),
                "Webhook 地址应是 oapi.dingtalk.com 的机器人地址，例如 https://oapi.dingtalk.com/robot/send?access_token=…");
        assertRefused(() -> robots.add(Channel.DINGTALK, "群", "https://oapi.dingtalk.com/robot/send", null, Set.of(), admin),
                "Webhook 地址中缺少 access_token 参数，例如 https://oapi.dingtalk.com/robot/send?access_token=…");
        assertRefused(() -> robots.add(Channel.DINGTALK, "群", "https://oapi.dingtalk.com/robot/send?access_token=t", "abc", Set.of(), admin),
                "加签密钥应以 SEC 开头，不含空格");
        assertThatThrownBy(() -> robots.add(Channel.WECOM, " ", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, Set.of(),
                users.find("zhaomin").orElseThrow())).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo("只有管理员可以管理群机器人"));
        assertThat(robots.robots(admin)).isEmpty();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly(message));
    }

    private List<Delivery.State> state(Robot robot) {
        return jdbc.sql("select state from notification_delivery where robot_id = :r order by id").param("r", robot.id()).query(String.class).list()
                .stream().map(Delivery.State::valueOf).toList();
    }

    private List<MimeMessage> mails(String marker) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains(marker);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private NotificationService.Message message(String kind, String marker, String link) {
        return new NotificationService.Message(kind, "test:" + marker, link, locale -> (locale.getLanguage().equals("en") ? "English " : "中文 ") + marker);
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
