package com.summit.security.domain;

import java.util.Set;

/** A signed-in person as the services see them. */
public record SummitUser(String username, String displayName, Set<Role> roles, String team, String managerUsername) {

    public SummitUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The candidate groups this user belongs to: their roles, and their team if they have one. */
    public Set<String> groups() {
        var groups = new java.util.HashSet<String>();
        roles.forEach(r -> groups.add(r.name()));
        if (team != null && !team.isBlank()) {
            groups.add(team);
        }
        return Set.copyOf(groups);
    }

    /** A user for machine steps (job workers, scheduled jobs). */
    public static SummitUser system() {
        return new SummitUser("system", "Summit", Set.of(), null, null);
    }
}
