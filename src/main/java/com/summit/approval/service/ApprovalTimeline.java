package com.summit.approval.service;

import com.summit.approval.domain.ApprovalRepository;
import com.summit.approval.domain.ApprovalReview;
import com.summit.approval.domain.ApprovalRound;
import com.summit.base.i18n.Messages;
import com.summit.opportunity.service.OpportunityPage;
import com.summit.opportunity.service.TimelineSource;
import com.summit.security.service.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A deal's timeline gets each department's decision and each round's outcome. */
@Component
class ApprovalTimeline implements TimelineSource {

    private final ApprovalRepository approvals;
    private final ApprovalService service;
    private final UserService users;
    private final Messages messages;

    ApprovalTimeline(ApprovalRepository approvals, ApprovalService service, UserService users, Messages messages) {
        this.approvals = approvals;
        this.service = service;
        this.users = users;
        this.messages = messages;
    }

    @Override
    public List<OpportunityPage.Entry> entries(long opportunityId, Locale locale) {
        List<OpportunityPage.Entry> entries = new ArrayList<>();
        Map<String, String> names = users.displayNames();
        for (long requestId : approvals.requestsOf(opportunityId)) {
            for (ApprovalRound round : approvals.rounds(requestId)) {
                for (ApprovalReview review : round.reviews()) {
                    if (review.decided()) {
                        String text = review.reason() == null ? "" : review.reason();
                        if (review.conditions() != null) {
                            text = (text + " " + messages.getTranslation("approval.review.conditions", locale, review.conditions())).strip();
                        }
                        entries.add(new OpportunityPage.Entry(review.decidedAt(), OpportunityPage.Kind.APPROVAL, messages.getTranslation(
                                "timeline.approval.decision", locale, service.departmentName(review.department(), locale),
                                messages.getTranslation("approval.decision." + review.decision().name(), locale),
                                names.getOrDefault(review.decidedBy(), review.decidedBy()), text)));
                    }
                }
                if (round.endedAt() != null) {
                    entries.add(new OpportunityPage.Entry(round.endedAt(), OpportunityPage.Kind.APPROVAL, messages.getTranslation(
                            "timeline.approval.round", locale, round.number(),
                            messages.getTranslation("approval.outcome." + round.outcome().name(), locale))));
                }
            }
        }
        return entries;
    }
}
