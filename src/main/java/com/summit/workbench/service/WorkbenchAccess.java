package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;

/** Who may use the workbench: process owners and admins; some settings are the admins' alone. */
final class WorkbenchAccess {

    private WorkbenchAccess() {}

    static void requireOwner(SummitUser user) {
        if (user == null || !(user.has(Role.PROCESS_OWNER) || user.has(Role.ADMIN))) {
            throw new UserFacingException("workbench.error.forbidden");
        }
    }

    static void requireAdmin(SummitUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new UserFacingException("workbench.error.adminOnly");
        }
    }
}
