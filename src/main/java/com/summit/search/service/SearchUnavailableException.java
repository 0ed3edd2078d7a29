package com.summit.search.service;

import com.summit.base.UserFacingException;

/** Elasticsearch does not answer; search is temporarily unavailable, nothing is lost. */
public class SearchUnavailableException extends UserFacingException {

    public SearchUnavailableException(Throwable cause) {
        super(cause, "search.unavailable");
    }
}
