package com.summit.notify.service;

import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.DeliveryRepository;
import com.summit.notify.domain.Robot;
import com.summit.notify.domain.RobotRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the delivery outbox, never inside the work that queued it: claims the due messages (a lease, so that two
 * replicas never send one twice), sends each outside any transaction, and records the answer. A failure is tried
 * again after a backoff that doubles, up to {@code max-attempts}; then it waits in the admin's list with the channel's
 * answer. Each robot gets at most {@code robot-rate} messages per {@code robot-rate-window}, counted across replicas
 * under a lock on the robot; the rest wait their turn, none is dropped.
 */
@Component
class DeliveryDispatcher {

    static final int EMAIL_BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryRepository deliveries;
    private final RobotRepository robots;
    private final Map<Channel, ChannelSender> senders;
    private final TransactionTemplate transactions;
    private final int rate;
    private final Duration window;
    private final Duration backoff;
    private final int maxAttempts;

    DeliveryDispatcher(DeliveryRepository deliveries, RobotRepository robots, List<ChannelSender> senders, TransactionTemplate transactions,
            @Value("${summit.notify.robot-rate:20}") int rate, @Value("${summit.notify.robot-rate-window:60s}") Duration window,
            @Value("${summit.notify.retry-backoff:10s}") Duration backoff, @Value("${summit.notify.max-attempts:6}") int maxAttempts) {
        this.deliveries = deliveries;
        this.robots = robots;
        this.senders = RobotSenders.byChannel(senders);
        this.transactions = transactions;
        this.rate = rate;
        this.window = window;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${summit.notify.dispatch-interval:1s}", initialDelayString = "${summit.notify.dispatch-interval:1s}")
    public void dispatch() {
        try {
            dispatchOnce();
        } catch (RuntimeException e) {
            log.warn("Notification delivery: {}", e.getMessage());
        }
    }

    /** One round: the due emails, then each robot's due messages within its rate; returns how many were sent. */
    int dispatchOnce() {
        int sent = 0;
        ChannelSender mail = senders.get(Channel.EMAIL);
        if (mail != null && mail.configured()) {
            for (Delivery d : Objects.requireNonNull(transactions.execute(s -> deliveries.claim(Channel.EMAIL, null, EMAIL_BATCH, LEASE)))) {
                sent += record(d, mail.send(d, null)) ? 1 : 0;
            }
        }
        for (Long robotId : deliveries.robotsWithDue()) {
            Robot robot = robots.find(robotId).orElse(null);
            if (robot == null || !robot.enabled()) {
                continue;
            }
            List<Delivery> batch = Objects.requireNonNull(transactions.execute(s -> {
                robots.lock(robotId);
                int room = rate - deliveries.usedWithin(robotId, window);
                return deliveries.claim(robot.kind(), robotId, room, LEASE);
            }));
            ChannelSender sender = senders.get(robot.kind());
            for (Delivery d : batch) {
                sent += record(d, sender.send(d, robot)) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean record(Delivery d, ChannelSender.Result result) {
        if (result.sent()) {
            deliveries.sent(d.id(), result.response());
            return true;
        }
        int attempt = d.attempts() + 1;
        Duration retryIn = attempt >= maxAttempts ? null : backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        deliveries.failed(d.id(), result.error(), result.response(), retryIn);
        if (retryIn == null) {
            log.error("Notification {} over {} failed for good after {} attempts: {} ({})", d.id(), d.channel(), attempt, result.error(), result.response());
        } else {
            log.warn("Notification {} over {} failed (attempt {}), trying again in {} s: {}", d.id(), d.channel(), attempt, retryIn.toSeconds(),
                    result.error());
        }
        return false;
    }
}
