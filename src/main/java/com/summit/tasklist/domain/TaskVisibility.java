package com.summit.tasklist.domain;

import com.summit.base.SqlCondition;
import java.util.HashSet;
import java.util.Set;

/**
 * What the inbox's SQL may show one user: tasks assigned to them or offered to them by name; tasks offered to a
 * {@code freeGroups} group (a department's reviewers); tasks offered to a {@code scopedGroups} group (managers,
 * reps) only where their deal is among {@code deals}; and for everyone's tasks, the tasks of those deals.
 */
public record TaskVisibility(String username, boolean admin, Set<String> freeGroups, Set<String> scopedGroups, SqlCondition deals) {

    public Set<String> groups() {
        Set<String> all = new HashSet<>(freeGroups);
        all.addAll(scopedGroups);
        return all;
    }
}
