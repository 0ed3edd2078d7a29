package com.summit.search.service;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code --summit.search.rebuild=true}: rebuilds every search index from PostgreSQL once the app has started. */
@Component
@ConditionalOnProperty(name = "summit.search.rebuild", havingValue = "true")
class RebuildOnStart implements ApplicationRunner {

    private final SearchAdministration administration;

    RebuildOnStart(SearchAdministration administration) {
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        administration.rebuildAll();
    }
}
