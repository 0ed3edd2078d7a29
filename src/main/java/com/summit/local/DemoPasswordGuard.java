package com.summit.local;

import com.summit.security.domain.UserRepository;
import com.summit.security.service.DemoUsers;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Local mode on an address other than loopback (only allowed without demo users) also refuses to start while any demo
 * account an earlier start created still signs in with the public demo password: switching the demo off does not
 * remove the accounts. Checked before the web server opens its port.
 */
@Component
@Profile("!prod")
class DemoPasswordGuard implements SmartInitializingSingleton {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final String address;

    DemoPasswordGuard(UserRepository users, PasswordEncoder passwords, @Value("${server.address:}") String address) {
        this.users = users;
        this.passwords = passwords;
        this.address = address;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            PublicAddressRefusedException.check(address, true);
            return; // loopback: nothing to guard
        } catch (PublicAddressRefusedException publicAddress) {
            // another address: no account may keep the public password
        }
        for (var demo : DemoUsers.USERS) {
            users.findAccount(demo.username())
                    .filter(a -> a.enabled() && a.passwordHash() != null && passwords.matches(DemoUsers.PASSWORD, a.passwordHash()))
                    .ifPresent(a -> {
                        throw new PublicAddressRefusedException(address, a.user().username());
                    });
        }
    }
}
