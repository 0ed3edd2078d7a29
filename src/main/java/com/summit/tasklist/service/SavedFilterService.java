package com.summit.tasklist.service;

import com.summit.base.UserFacingException;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.SavedFilter;
import com.summit.tasklist.domain.SavedFilterRepository;
import com.summit.tasklist.domain.TaskQuery;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox's saved filters: each user's own, and those shared with their team; only the owner deletes one. */
@Service
public class SavedFilterService {

    public static final int FILTER_NAME_MAX = 60;

    private final SavedFilterRepository filters;

    SavedFilterService(SavedFilterRepository filters) {
        this.filters = filters;
    }

    /** Saves a filter under a name, private or shared with the user's team. */
    @Transactional
    public void save(SummitUser user, String name, TaskQuery query, boolean shareWithTeam) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new UserFacingException("filter.error.nameRequired");
        }
        if (clean.codePointCount(0, clean.length()) > FILTER_NAME_MAX) {
            throw new UserFacingException("filter.error.nameTooLong", FILTER_NAME_MAX);
        }
        if (shareWithTeam && (user.team() == null || user.team().isBlank())) {
            throw new UserFacingException("filter.error.noTeam");
        }
        filters.save(user.username(), clean, shareWithTeam ? user.team() : null, query);
    }

    public List<SavedFilter> visibleTo(SummitUser user) {
        return filters.visibleTo(user.username(), user.team());
    }

    @Transactional
    public void delete(long id, SummitUser user) {
        if (filters.delete(id, user.username()) == 0) {
            throw new UserFacingException("filter.error.notYours");
        }
    }
}
