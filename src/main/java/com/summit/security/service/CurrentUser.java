package com.summit.security.service;

import com.summit.security.domain.SummitUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user, for views; services take the user as an argument. */
@Component
public class CurrentUser {

    private final UserService users;

    CurrentUser(UserService users) {
        this.users = users;
    }

    public Optional<SummitUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return Optional.empty();
        }
        return users.find(authentication.getName());
    }

    public SummitUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
