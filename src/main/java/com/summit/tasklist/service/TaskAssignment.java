package com.summit.tasklist.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds an open task: a candidate claims it and gives it back, a manager or a department head assigns it within
 * the rules of {@link TaskAccess}, and a deal's tasks follow it to its new owner. Every change is in the task's
 * history and reaches the inboxes live.
 */
@Service
public class TaskAssignment {

    private final HumanTaskRepository tasks;
    private final TaskAccess access;
    private final TaskRefusals refusals;
    private final TaskBroadcaster broadcaster;
    private final UserService users;

    TaskAssignment(HumanTaskRepository tasks, TaskAccess access, TaskRefusals refusals, TaskBroadcaster broadcaster, UserService users) {
        this.tasks = tasks;
        this.access = access;
        this.refusals = refusals;
        this.broadcaster = broadcaster;
        this.users = users;
    }

    /** A candidate takes an unassigned task; the server refuses everyone else. */
    @Transactional
    public void claim(long taskId, SummitUser user) {
        HumanTask task = refusals.openTask(taskId);
        if (!access.mayClaim(task, user)) {
            throw new UserFacingException(access.maySee(task, user) ? "task.error.notCandidate" : "task.error.notFound");
        }
        if (user.username().equals(task.assignee())) {
            return;
        }
        if (task.assignee() != null || tasks.claim(taskId, user.username()) == 0) {
            throw refusals.heldBy(tasks.findById(taskId).orElse(task));
        }
        tasks.addEvent(task, TaskEvent.Type.CLAIMED, user.username(), user.username());
    }

    /** The assignee gives the task back to its candidates. */
    @Transactional
    public void unclaim(long taskId, SummitUser user) {
        HumanTask task = refusals.openTask(taskId);
        if (!user.username().equals(task.assignee())) {
            throw new UserFacingException(access.maySee(task, user) ? "task.error.notAssignee" : "task.error.notFound");
        }
        if (task.candidateGroups().isEmpty() && task.candidateUsers().isEmpty()) {
            throw new UserFacingException("task.error.noCandidates");
        }
        if (tasks.unclaim(taskId, user.username()) == 0) {
            throw new UserFacingException("task.error.noLongerOpen");
        }
        tasks.addEvent(task, TaskEvent.Type.UNCLAIMED, user.username(), null);
        tasks.findById(taskId).ifPresent(broadcaster::available);
    }

    /**
     * A manager (or a department head, for their department's reviews) hands a task to someone the rules allow:
     * see {@link TaskAccess#checkAssignment}.
     */
    @Transactional
    public void assign(long taskId, SummitUser manager, String username) {
        if (!TaskAccess.isManager(manager) && !manager.departmentHead()) {
            throw new UserFacingException("task.error.onlyManagersAssign");
        }
        HumanTask task = refusals.openTask(taskId);
        SummitUser target = users.find(username).orElseThrow(() -> new UserFacingException("task.error.unknownUser", username));
        access.checkAssignment(task, manager, target);
        if (target.username().equals(task.assignee())) {
            return;
        }
        if (tasks.assign(taskId, target.username()) == 0) {
            throw new UserFacingException("task.error.noLongerOpen");
        }
        tasks.addEvent(task, TaskEvent.Type.ASSIGNED, manager.username(), target.username());
        tasks.findById(taskId).ifPresent(broadcaster::available);
    }

    /** The people this user may hand the open task to, by name. */
    public List<SummitUser> assignableTo(long taskId, SummitUser assigner) {
        HumanTask task = refusals.openTask(taskId);
        if (!access.mayAssign(task, assigner)) {
            return List.of();
        }
        List<SummitUser> allowed = new ArrayList<>();
        for (SummitUser candidate : users.findAll()) {
            try {
                access.checkAssignment(task, assigner, candidate);
                allowed.add(candidate);
            } catch (UserFacingException refused) {
                // not someone this task may go to
            }
        }
        allowed.sort(java.util.Comparator.comparing(SummitUser::displayName, java.text.Collator.getInstance(Locale.CHINA)));
        return allowed;
    }

    /**
     * A deal changed hands: its open tasks held by the previous owner go to the new one (a process step, not a
     * person's action; the history says so).
     */
    @Transactional
    public void handOver(long opportunityId, String from, String to) {
        for (HumanTask task : tasks.findOpenByOpportunity(opportunityId)) {
            if (from.equals(task.assignee()) && tasks.assign(task.id(), to) > 0) {
                tasks.addEvent(task, TaskEvent.Type.ASSIGNED, null, to);
                tasks.findById(task.id()).ifPresent(broadcaster::available);
            }
        }
    }
}
