package com.summit.tasklist.service;

import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskAvailabilityChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells open inboxes that a task became someone's work: a new task, a claim given back, an assignment. The news
 * goes through PostgreSQL ({@link TaskAvailabilityChannel}), so an inbox open on any replica hears it, and only
 * once the change has committed. Listeners are called off the caller's thread.
 */
@Component
public class TaskBroadcaster {

    /** A task that a user, or the members of its candidate groups, should now see. */
    public record TaskAvailable(HumanTask task) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskBroadcaster.class);

    private final Set<Consumer<TaskAvailable>> listeners = ConcurrentHashMap.newKeySet();
    private final TaskAvailabilityChannel channel;
    private final HumanTaskRepository tasks;

    TaskBroadcaster(TaskAvailabilityChannel channel, HumanTaskRepository tasks) {
        this.channel = channel;
        this.tasks = tasks;
        channel.subscribe(this::heard);
    }

    public Runnable register(Consumer<TaskAvailable> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void available(HumanTask task) {
        channel.publish(task.id());
    }

    /** On the channel's thread: the task as it is now, to every open inbox of this replica. */
    private void heard(long taskId) {
        if (listeners.isEmpty()) {
            return;
        }
        tasks.findById(taskId).filter(HumanTask::isOpen).ifPresent(task -> {
            TaskAvailable event = new TaskAvailable(task);
            for (Consumer<TaskAvailable> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // one closed or broken inbox must not keep the news from the others
                    log.debug("An inbox listener failed on task {}", taskId, e);
                }
            }
        });
    }
}
