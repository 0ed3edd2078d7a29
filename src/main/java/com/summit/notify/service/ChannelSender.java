package com.summit.notify.service;

import com.summit.notify.domain.Channel;
import com.summit.notify.domain.Delivery;
import com.summit.notify.domain.Robot;

/** Sends one message of the outbox over one channel, and says what the channel answered. */
interface ChannelSender {

    Channel channel();

    /** Whether the channel can send at all here (email needs an SMTP server set). */
    default boolean configured() {
        return true;
    }

    /** {@code robot} is the robot a post goes to (null for email). Never throws: a failure is an answer too. */
    Result send(Delivery delivery, Robot robot);

    /** What the channel said: sent, or not and why, with its raw answer. */
    record Result(boolean sent, String error, String response) {

        static Result ok(String response) {
            return new Result(true, null, response);
        }

        static Result failed(String error, String response) {
            return new Result(false, error, response);
        }
    }
}
