package com.summit.engine;

import java.util.List;

/** Prod mode was started without settings it cannot do without. */
public class MissingSettingsException extends RuntimeException {

    private final List<String> missing;

    MissingSettingsException(List<String> missing) {
        super("Prod mode needs these settings: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
