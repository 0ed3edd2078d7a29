package com.summit.engine;

import com.summit.base.UserFacingException;

/** The engine did not answer; nothing was changed. */
public class EngineUnavailableException extends UserFacingException {

    public EngineUnavailableException(Throwable cause) {
        super(cause, "engine.unavailable");
    }
}
