package com.summit.notify.service;

import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.Robot;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email through Spring Mail: plain text in UTF-8, with the link back into Summit. Only where an SMTP server is set. */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, @Value("${summit.notify.mail-from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public Result send(Delivery delivery, Robot robot) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Result.failed("no SMTP server is set (spring.mail.host)", null);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(delivery.address());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body(), false);
            sender.send(message);
            return Result.ok("250 accepted");
        } catch (Exception e) {
            return Result.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }
}
