package com.summit.base.ui;

import java.util.List;
import java.util.Optional;

/** Who is signed in, as the shell shows it; implemented by the security feature. */
public interface SignedInUser {

    Optional<Badge> badge();

    record Badge(String username, String displayName, List<String> roleKeys) {}
}
