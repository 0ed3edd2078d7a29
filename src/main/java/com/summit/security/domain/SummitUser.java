package com.summit.security.domain;

import java.util.Set;

/** A signed-in person as the services see them. */
public record SummitUser(String username, String displayName, Set<Role> roles, String team, String managerUsername,
        boolean departmentHead) {

    /** The departments whose reviews can be routed to a head (DMN approval-route, level HEAD). */
    public static final Set<Role> DEPARTMENTS = Set.of(Role.LEGAL, Role.FINANCE, Role.TECH, Role.OPERATIONS);

    public SummitUser {
        roles = Set.copyOf(roles);
    }

    public SummitUser(String username, String displayName, Set<Role> roles, String team, String managerUsername) {
        this(username, displayName, roles, team, managerUsername, false);
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
        if (departmentHead) {
            roles.stream().filter(DEPARTMENTS::contains).forEach(r -> groups.add(r.name() + "_HEAD"));
        }
        return Set.copyOf(groups);
    }

    /** A user for machine steps (job workers, scheduled jobs). */
    public static SummitUser system() {
        return new SummitUser("system", "Summit", Set.of(), null, null);
    }
}
