package com.summit.followup.service;

import com.summit.approval.domain.ApprovalCondition;
import com.summit.approval.domain.ApprovalReview;
import com.summit.approval.service.ApprovalService;
import com.summit.base.UserFacingException;
import com.summit.customer.domain.Contact;
import com.summit.customer.domain.NoteRepository;
import com.summit.customer.service.CustomerService;
import com.summit.followup.domain.FollowUp;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.GateService;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The pre-contact briefing 前情提要 of a deal, on one page to read on a phone before a visit or a call: the last
 * conversation with what was learnt and the promised next step, what is still open, the contacts with their
 * preferences and relationship strength, the customer's latest notes (complaints, open issues), the scorecard's gaps
 * with each element's next checkpoint, the veto holders, and the deal's approvals and their conditions. Only for
 * who may see the deal.
 */
@Service
public class BriefingService {

    static final int NOTES = 5;

    private final OpportunityService opportunities;
    private final FollowUpService followUps;
    private final CustomerService customers;
    private final ScorecardService scorecards;
    private final GateService gates;
    private final ApprovalService approvals;

    BriefingService(OpportunityService opportunities, FollowUpService followUps, CustomerService customers, ScorecardService scorecards,
            GateService gates, ApprovalService approvals) {
        this.opportunities = opportunities;
        this.followUps = followUps;
        this.customers = customers;
        this.scorecards = scorecards;
        this.gates = gates;
        this.approvals = approvals;
    }

    /** One element of the scorecard as the briefing shows it: where it stands and the next checkpoint to reach. */
    public record Gap(String element, int level, String next, boolean pendingVerification) {}

    /** A review under way or decided in the deal's latest approval round. */
    public record Review(String department, String decision, String conditions) {}

    public record Briefing(Opportunity deal, FollowUp last, List<Contact> met, FollowUp nextPlanned, FollowUpService.Standing standing,
            List<String> open, List<Contact> contacts, List<NoteRepository.Note> notes, List<Gap> gaps, List<VetoHolder> vetoHolders,
            String approvalStatus, List<Review> reviews, List<ApprovalCondition> openConditions) {}

    public Briefing briefing(long opportunityId, SummitUser user, Locale locale) {
        Opportunity deal = opportunities.findVisible(opportunityId, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        FollowUpService.Standing standing = followUps.standing(opportunityId, user);
        List<Contact> contacts = followUps.contactsOf(opportunityId, user).stream()
                .sorted(Comparator.comparing((Contact c) -> c.role().ordinal()).thenComparing(Contact::strength, Comparator.reverseOrder())).toList();
        FollowUp last = standing.last();
        List<Contact> met = last == null ? List.of() : contacts.stream().filter(c -> last.contactIds().contains(c.id())).toList();

        // what is still open: the promised next step, the planned contact, the gate's unmet checks, claims awaiting their verdict
        List<String> open = new ArrayList<>();
        if (last != null && last.nextStep() != null) {
            open.add(last.nextStep() + (last.nextStepOn() == null ? "" : "（" + last.nextStepOn() + "）"));
        }
        gates.latest(opportunityId).filter(g -> !g.passed()).ifPresent(g -> open.addAll(gates.describe(opportunityId, g, locale)));

        var scorecard = scorecards.scorecard(opportunityId, user, locale);
        List<Gap> gaps = scorecard.lines().stream().map(l -> new Gap(l.ladder().name(locale), l.level(), l.next(), l.pending().isPresent()))
                .sorted(Comparator.comparingInt(Gap::level)).toList();

        var requests = approvals.historyOf(opportunityId, user);
        String status = null;
        List<Review> reviews = List.of();
        if (!requests.isEmpty()) {
            var latest = requests.getLast();
            status = latest.status();
            if (!latest.rounds().isEmpty()) {
                reviews = latest.rounds().getLast().reviews().stream().map((ApprovalReview r) -> new Review(r.department(),
                        r.decision() == null ? null : r.decision().name(), r.conditions())).toList();
            }
        }
        List<ApprovalCondition> conditions = approvals.conditions(opportunityId, user).stream().filter(c -> !c.met()).toList();
        List<NoteRepository.Note> notes = customers.notes(deal.customerId(), user).stream().limit(NOTES).toList();
        return new Briefing(deal, last, met, standing.nextPlanned(), standing, open, contacts, notes, gaps, scorecard.vetoHolders(), status,
                reviews, conditions);
    }

    public String departmentName(String department, Locale locale) {
        return approvals.departmentName(department, locale);
    }
}
