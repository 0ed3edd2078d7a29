package com.summit.notify.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.Robot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two group robots: a WeCom group robot (webhook with its key; markdown, mentions as {@code <@userid>}) and a
 * DingTalk custom robot (access token, signed: HMAC-SHA256 over {@code timestamp + "\n" + secret}, Base64, then
 * URL-encoded; markdown, mentions by {@code atUserIds}). Both answer HTTP 200 with an {@code errcode}; anything but 0
 * is a failure, kept with the answer.
 */
@Configuration
class RobotSenders {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Bean
    ChannelSender weComSender(ObjectMapper json, @Value("${summit.notify.wecom-url}") String base) {
        return new Sender(Channel.WECOM, json) {
            @Override
            HttpRequest request(Delivery d, Robot robot) throws Exception {
                StringBuilder content = new StringBuilder(d.body());
                if (!d.mentions().isEmpty()) {
                    content.append("\n");
                    d.mentions().forEach(id -> content.append("<@").append(id).append(">"));
                }
                Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("content", content.toString()));
                return post(base + "/cgi-bin/webhook/send?key=" + URLEncoder.encode(robot.token(), StandardCharsets.UTF_8), json.writeValueAsString(body));
            }
        };
    }

    @Bean
    ChannelSender dingTalkSender(ObjectMapper json, @Value("${summit.notify.dingtalk-url}") String base) {
        return new Sender(Channel.DINGTALK, json) {
            @Override
            HttpRequest request(Delivery d, Robot robot) throws Exception {
                StringBuilder text = new StringBuilder(d.body());
                if (!d.mentions().isEmpty()) {
                    text.append("\n\n");
                    d.mentions().forEach(id -> text.append("@").append(id).append(" "));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("msgtype", "markdown");
                body.put("markdown", Map.of("title", d.subject(), "text", text.toString().strip()));
                body.put("at", Map.of("atUserIds", d.mentions(), "isAtAll", false));
                StringBuilder url = new StringBuilder(base).append("/robot/send?access_token=")
                        .append(URLEncoder.encode(robot.token(), StandardCharsets.UTF_8));
                if (robot.secret() != null && !robot.secret().isBlank()) {
                    long timestamp = System.currentTimeMillis();
                    url.append("&timestamp=").append(timestamp).append("&sign=").append(sign(timestamp, robot.secret()));
                }
                return post(url.toString(), json.writeValueAsString(body));
            }
        };
    }

    /** DingTalk's signature: HMAC-SHA256 keyed by the secret over {@code timestamp + "\n" + secret}, Base64, URL-encoded. */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    abstract static class Sender implements ChannelSender {

        private final Channel channel;
        private final ObjectMapper json;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        Sender(Channel channel, ObjectMapper json) {
            this.channel = channel;
            this.json = json;
        }

        abstract HttpRequest request(Delivery d, Robot robot) throws Exception;

        static HttpRequest post(String url, String body) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public Result send(Delivery delivery, Robot robot) {
            if (robot == null) {
                return Result.failed("the robot was removed", null);
            }
            try {
                HttpResponse<String> response = http.send(request(delivery, robot), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String answer = response.statusCode() + " " + response.body();
                if (response.statusCode() / 100 != 2) {
                    return Result.failed("HTTP " + response.statusCode(), answer);
                }
                JsonNode body = json.readTree(response.body());
                int code = body.path("errcode").asInt(-1);
                return code == 0 ? Result.ok(answer) : Result.failed(code + " " + body.path("errmsg").asText(""), answer);
            } catch (java.io.IOException e) {
                return Result.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.failed("interrupted", null);
            } catch (Exception e) {
                return Result.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            }
        }
    }

    /** For the list of senders by channel. */
    static Map<Channel, ChannelSender> byChannel(List<ChannelSender> senders) {
        Map<Channel, ChannelSender> map = new java.util.EnumMap<>(Channel.class);
        senders.forEach(s -> map.put(s.channel(), s));
        return map;
    }
}
