package com.summit.tasklist.service;

import com.summit.base.SqlCondition;
import com.summit.base.UserFacingException;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.TaskVisibility;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see, take and hand on a task. The assignee and the named candidate users always see it; the reviewers
 * of the department it is offered to see it; any other group (managers, reps) and a manager's oversight see it
 * only while they may see the task's deal. An admin sees every task.
 */
@Component
public class TaskAccess {

    private final TaskSubjectAccess subjects;

    TaskAccess(TaskSubjectAccess subjects) {
        this.subjects = subjects;
    }

    /** A department's reviewers ({@code LEGAL}, {@code FINANCE}, …) and its head's group ({@code LEGAL_HEAD}, …). */
    public static boolean isDepartmentGroup(String group) {
        for (Role department : SummitUser.DEPARTMENTS) {
            if (department.name().equals(group) || (department.name() + "_HEAD").equals(group)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user may open the deal the task belongs to (the task page links to it then). */
    public boolean maySeeDeal(HumanTask task, SummitUser user) {
        return task.opportunityId() != null && subjects.maySeeOpportunity(task.opportunityId(), user);
    }

    public boolean maySee(HumanTask task, SummitUser user) {
        if (user.has(Role.ADMIN) || user.username().equals(task.assignee()) || user.username().equals(task.completedBy())
                || task.candidateUsers().contains(user.username())) {
            return true;
        }
        Set<String> groups = user.groups();
        boolean scopedCandidate = false;
        for (String group : task.candidateGroups()) {
            if (groups.contains(group)) {
                if (isDepartmentGroup(group)) {
                    return true;
                }
                scopedCandidate = true;
            }
        }
        if (task.opportunityId() == null) {
            return scopedCandidate;
        }
        return (scopedCandidate || isManager(user)) && subjects.maySeeOpportunity(task.opportunityId(), user);
    }

    /** Whether the user is offered the task (named, or through a group) and may see it: theirs to claim. */
    public boolean mayClaim(HumanTask task, SummitUser user) {
        return isCandidate(task, user) && maySee(task, user);
    }

    /** Whether a task that became available is this user's to work on or to claim. */
    public boolean isFor(HumanTask task, SummitUser user) {
        return user.username().equals(task.assignee()) || (task.assignee() == null && mayClaim(task, user));
    }

    /**
     * Refuses a hand-over the rules do not allow. Who assigns: an admin, a manager who may see the task's deal, or a
     * department head for the tasks offered to their department. To whom: a department's review only to that
     * department's reviewers (or its head's group, where it is offered there); any other task to a candidate who may
     * see the deal, or to the deal's owner.
     */
    public void checkAssignment(HumanTask task, SummitUser assigner, SummitUser target) {
        if (!maySee(task, assigner)) {
            throw new UserFacingException("task.error.notFound");
        }
        if (!mayAssign(task, assigner)) {
            throw new UserFacingException("task.error.onlyManagersAssign");
        }
        List<String> departmentGroups = task.candidateGroups().stream().filter(TaskAccess::isDepartmentGroup).toList();
        if (!departmentGroups.isEmpty()) {
            boolean inDepartment = task.candidateUsers().contains(target.username())
                    || departmentGroups.stream().anyMatch(target.groups()::contains);
            if (!inDepartment) {
                throw new UserFacingException("task.error.assignOutsideDepartment", target.displayName());
            }
            return;
        }
        boolean owner = task.opportunityId() != null
                && subjects.ownerOf(task.opportunityId()).map(target.username()::equals).orElse(false);
        if (!owner && !(isCandidate(task, target) && maySee(task, target))) {
            throw new UserFacingException("task.error.assigneeNotAllowed", target.displayName());
        }
    }

    /** Whether the user may hand this task to someone (the target is checked by {@link #checkAssignment}). */
    public boolean mayAssign(HumanTask task, SummitUser user) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        if (user.has(Role.MANAGER) && task.opportunityId() != null && subjects.maySeeOpportunity(task.opportunityId(), user)) {
            return true;
        }
        if (user.departmentHead()) {
            Set<String> own = new HashSet<>();
            user.roles().stream().filter(SummitUser.DEPARTMENTS::contains).forEach(r -> {
                own.add(r.name());
                own.add(r.name() + "_HEAD");
            });
            return task.candidateGroups().stream().anyMatch(own::contains);
        }
        return false;
    }

    /** How the inbox's SQL narrows tasks to what this user may see. */
    public TaskVisibility visibility(SummitUser user) {
        Set<String> free = new HashSet<>();
        Set<String> scoped = new HashSet<>();
        user.groups().forEach(g -> (isDepartmentGroup(g) ? free : scoped).add(g));
        SqlCondition deals = subjects.visibleOpportunities("human_task.opportunity_id", user);
        return new TaskVisibility(user.username(), user.has(Role.ADMIN), Set.copyOf(free), Set.copyOf(scoped), deals);
    }

    public static boolean isCandidate(HumanTask task, SummitUser user) {
        return task.candidateUsers().contains(user.username()) || task.candidateGroups().stream().anyMatch(user.groups()::contains);
    }

    public static boolean isManager(SummitUser user) {
        return user.has(Role.MANAGER) || user.has(Role.ADMIN);
    }
}
