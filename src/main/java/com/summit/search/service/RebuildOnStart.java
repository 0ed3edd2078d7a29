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

    /** In the background, as soon as Elasticsearch answers (local mode starts it in the background too). */
    @Override
    public void run(ApplicationArguments args) {
        Thread.ofVirtual().name("search-rebuild").start(() -> {
            for (int attempt = 1; attempt <= 60; attempt++) {
                try {
                    administration.rebuildAll();
                    return;
                } catch (RuntimeException notYet) {
                    log.info("Search rebuild waits for Elasticsearch ({}); trying again in 10 s", notYet.getMessage());
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            log.error("Search rebuild gave up: Elasticsearch did not answer for 10 minutes; start it from /operations");
        });
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RebuildOnStart.class);
}
