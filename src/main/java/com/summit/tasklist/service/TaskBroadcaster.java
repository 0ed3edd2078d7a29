package com.summit.tasklist.service;

import com.summit.tasklist.domain.HumanTask;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open inboxes that a task became someone's work: a new task, a claim given back, an assignment.
 * Listeners are called after the change commits, off the caller's thread. In this JVM only: with several
 * replicas, an inbox on another replica sees the task on its next refresh.
 */
@Component
public class TaskBroadcaster {

    /** A task that a user, or the members of its candidate groups, should now see. */
    public record TaskAvailable(HumanTask task) {}

    private final Set<Consumer<TaskAvailable>> listeners = ConcurrentHashMap.newKeySet();
    private final Executor executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "task-broadcaster");
        t.setDaemon(true);
        return t;
    });

    public Runnable register(Consumer<TaskAvailable> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void available(HumanTask task) {
        Runnable send = () -> executor.execute(() -> listeners.forEach(l -> l.accept(new TaskAvailable(task))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
