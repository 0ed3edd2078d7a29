package com.summit.security.service;

import com.summit.base.ui.SignedInUser;
import com.summit.security.domain.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class SignedInUserBadge implements SignedInUser {

    private final CurrentUser currentUser;

    SignedInUserBadge(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Badge> badge() {
        return currentUser.get().map(u -> new Badge(u.username(), u.displayName(),
                u.roles().stream().sorted().map(Role::messageKey).toList()));
    }
}
