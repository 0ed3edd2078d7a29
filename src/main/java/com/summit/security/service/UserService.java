package com.summit.security.service;

import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.domain.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users live in PostgreSQL with BCrypt hashes. */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = users.findAccount(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        return User.withUsername(account.user().username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(account.user().roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList())
                .build();
    }

    public Optional<SummitUser> find(String username) {
        return users.find(username);
    }

    /**
     * Who manages this user's work: their manager; for someone without one (a manager who owns deals), an admin, who
     * sees every deal; never another team's manager, and never nobody, so that a process step addressed to "the
     * manager" always has an assignee.
     */
    public String managerFor(String username) {
        Optional<SummitUser> user = find(username);
        if (user.isPresent() && user.get().managerUsername() != null && !user.get().managerUsername().isBlank()) {
            return user.get().managerUsername();
        }
        return findAll().stream().filter(u -> u.has(com.summit.security.domain.Role.ADMIN)).map(SummitUser::username).sorted()
                .findFirst().orElse(username);
    }

    public List<SummitUser> findAll() {
        return users.findAll();
    }

    public Map<String, String> displayNames() {
        return users.displayNames();
    }

    public static final int ADDRESS_MAX = 64;
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final java.util.regex.Pattern ROBOT_ID = java.util.regex.Pattern.compile("^[A-Za-z0-9_.@-]{1,64}$");

    /** Where each of these users hears notifications outside the app (the notification service's sending steps). */
    public Map<String, com.summit.security.domain.UserRepository.Addresses> addresses(java.util.Collection<String> usernames) {
        return users.addresses(usernames);
    }

    /**
     * A user sets their own email and their WeCom and DingTalk user ids (the ids the team's robots mention them by).
     * Refused with every reason, in the user's language, and nothing changed.
     */
    @Transactional
    public void setOwnAddresses(SummitUser user, String email, String wecomId, String dingtalkId) {
        String e = blankToNull(email);
        String w = blankToNull(wecomId);
        String d = blankToNull(dingtalkId);
        java.util.List<com.summit.base.FieldError> errors = new java.util.ArrayList<>();
        if (e != null && (e.length() > 200 || !EMAIL.matcher(e).matches())) {
            errors.add(new com.summit.base.FieldError("email", null, "notify.settings.error.email"));
        }
        if (w != null && !ROBOT_ID.matcher(w).matches()) {
            errors.add(new com.summit.base.FieldError("wecomId", null, "notify.settings.error.robotId", ADDRESS_MAX));
        }
        if (d != null && !ROBOT_ID.matcher(d).matches()) {
            errors.add(new com.summit.base.FieldError("dingtalkId", null, "notify.settings.error.robotId", ADDRESS_MAX));
        }
        if (!errors.isEmpty()) {
            throw new com.summit.base.ValidationException(errors);
        }
        users.setAddresses(user.username(), new com.summit.security.domain.UserRepository.Addresses(e, w, d));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Creates a user unless one with that name exists; returns whether it was created. */
    @Transactional
    public boolean createIfMissing(SummitUser user, String rawPassword) {
        if (users.exists(user.username())) {
            return false;
        }
        users.insert(user, passwordEncoder.encode(rawPassword));
        return true;
    }
}
