package com.summit.base;

import java.util.List;

/** Several fields refused at once; nothing was changed. */
public class ValidationException extends UserFacingException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("error.validation", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
