package com.summit.opportunity.service;

import com.summit.opportunity.domain.Opportunity;
import java.util.Optional;

/**
 * Where a deal's lifecycle continues when it is started again (after a restart of the embedded engine), if not at the
 * start of its stage: a feature whose step was under way says where (the veto approval of a round still running).
 */
public interface LifecycleResumePoint {

    Optional<String> resumeAt(Opportunity opportunity);
}
