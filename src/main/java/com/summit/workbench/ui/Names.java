package com.summit.workbench.ui;

import com.summit.engine.ModelStore;
import com.vaadin.flow.component.Component;
import java.util.Map;

/** People as the workbench names them: by display name; the app's own files as "the app's files". */
final class Names {

    private Names() {}

    static String who(Component page, String username, Map<String, String> names) {
        if (username == null) {
            return "—";
        }
        return ModelStore.SYSTEM.equals(username) ? page.getTranslation("workbench.system") : names.getOrDefault(username, username);
    }
}
