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
    private final TaskAccess access;
    private final com.summit.notify.service.Mentions mentions;
    private final com.summit.base.i18n.Messages messages;

    TaskCommentService(TaskService tasks, HumanTaskRepository repository, TaskAccess access, com.summit.notify.service.Mentions mentions,
            com.summit.base.i18n.Messages messages) {
        this.tasks = tasks;
        this.repository = repository;
        this.access = access;
        this.mentions = mentions;
        this.messages = messages;
    }

    /**
     * Anyone who may see the task may comment on it; an @mention tells that user, and only someone who may see the
     * deal (or, without a deal, the task) can be mentioned.
     */
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
        var mentioned = mentions.check(body, u -> task.opportunityId() != null ? access.maySeeDeal(task, u) : access.maySee(task, u));
        repository.addComment(task, user.username(), body);
        mentions.tell(mentioned, user, tasks.displayName(task, com.summit.base.i18n.Locales.ZH_CN), body, "tasks/" + task.id(),
                "task:" + task.id() + ":" + java.util.UUID.randomUUID());
    }

    public List<TaskComment> comments(long taskId, SummitUser user) {
        return repository.commentsOfInstance(tasks.visibleTask(taskId, user));
    }
}
