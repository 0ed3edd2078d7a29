package com.summit.tasklist.domain;

/** A named inbox filter; {@code team} is set when it is shared with that team. */
public record SavedFilter(long id, String owner, String name, String team, TaskQuery query) {

    public boolean shared() {
        return team != null;
    }
}
