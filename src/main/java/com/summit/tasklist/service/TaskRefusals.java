package com.summit.tasklist.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import org.springframework.stereotype.Component;

/**
 * Why an action on a task is refused, in words a person understands: the task is gone, someone else holds it, or it
 * was completed (by whom, by name). Shared by the services that act on tasks.
 */
@Component
class TaskRefusals {

    private final HumanTaskRepository tasks;
    private final UserService users;

    TaskRefusals(HumanTaskRepository tasks, UserService users) {
        this.tasks = tasks;
        this.users = users;
    }

    /** The open task; "not found" or "already done" otherwise. */
    HumanTask openTask(long taskId) {
        HumanTask task = tasks.findById(taskId).orElseThrow(() -> new UserFacingException("task.error.notFound"));
        if (!task.isOpen()) {
            throw alreadyDone(task);
        }
        return task;
    }

    UserFacingException heldBy(HumanTask task) {
        if (!task.isOpen()) {
            return alreadyDone(task);
        }
        String name = task.assignee() == null ? "?" : users.find(task.assignee()).map(SummitUser::displayName).orElse(task.assignee());
        return new UserFacingException("task.error.alreadyClaimed", name);
    }

    UserFacingException alreadyDone(HumanTask task) {
        if (task.state() == com.summit.tasklist.domain.TaskState.SUBMITTING) {
            String by = tasks.submittedBy(task.id()).orElse(null);
            if (by != null) {
                return new UserFacingException("task.error.alreadyCompleted", users.find(by).map(SummitUser::displayName).orElse(by));
            }
        }
        if (task.state() == com.summit.tasklist.domain.TaskState.COMPLETED && task.completedBy() != null) {
            String name = users.find(task.completedBy()).map(SummitUser::displayName).orElse(task.completedBy());
            return new UserFacingException("task.error.alreadyCompleted", name);
        }
        return new UserFacingException("task.error.noLongerOpen");
    }
}
