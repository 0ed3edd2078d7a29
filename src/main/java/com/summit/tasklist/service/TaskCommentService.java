package com.summit.tasklist.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskComment;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments on a case: written on a task, shown on every task of its process instance, to whoever may see the task. */
@Service
public class TaskCommentService {

    public static final int COMMENT_MAX = 2000;

    private final TaskService tasks;
    private final HumanTaskRepository repository;

    TaskCommentService(TaskService tasks, HumanTaskRepository repository) {
        this.tasks = tasks;
        this.repository = repository;
    }

    /** Anyone who may see the task may comment on it. */
    @Transactional
    public void comment(long taskId, SummitUser user, String text) {
        HumanTask task = tasks.visibleTask(taskId, user);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new UserFacingException("task.comment.error.empty");
        }
        if (body.codePointCount(0, body.length()) > COMMENT_MAX) {
            throw new UserFacingException("task.comment.error.tooLong", COMMENT_MAX);
        }
        repository.addComment(task, user.username(), body);
    }

    public List<TaskComment> comments(long taskId, SummitUser user) {
        return repository.commentsOfInstance(tasks.visibleTask(taskId, user));
    }
}
