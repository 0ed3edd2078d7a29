package com.summit.customer.service;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.TierChange;
import com.summit.customer.domain.TieringRepository;
import com.summit.engine.ProcessEngine;
import com.summit.notify.service.NotificationService;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Value tiering 价值分级 (METHODOLOGY §1): the DMN {@code customer-tier} decides from the trailing 12 complete months of
 * revenue and gross profit and the open pipeline. The re-tiering recomputes customers in batches: a change is applied
 * and kept with its reason; an upgrade tells the owner; a strategic customer's downgrade waits for the owner's manager.
 */
@Service
public class TieringService {

    private static final Logger log = LoggerFactory.getLogger(TieringService.class);
    public static final String DECISION_ID = "customer-tier";
    public static final String SYSTEM = "SYSTEM";

    private final TieringRepository tiering;
    private final List<PipelineAmounts> pipelines;
    private final ProcessEngine engine;
    private final NotificationService notifications;
    private final UserService users;
    private final Messages messages;
    private final BehaviourService behaviour;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    TieringService(TieringRepository tiering, List<PipelineAmounts> pipelines, ProcessEngine engine, NotificationService notifications,
            UserService users, Messages messages, BehaviourService behaviour, org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.behaviour = behaviour;
        this.tiering = tiering;
        this.pipelines = pipelines;
        this.engine = engine;
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
    }

    /**
     * A strategic customer's downgrade for the manager to confirm, as the process carries it: codes (the tiers, the
     * rule's reason); the task page renders them in the reader's language.
     */
    public record PendingDowngrade(long changeId, long customerId, String customerName, String owner, String manager, String fromTier,
            String toTier, String reason) {

        public Map<String, Object> asVariables() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("changeId", changeId);
            v.put("customerId", customerId);
            v.put("customerName", customerName);
            v.put("owner", owner);
            v.put("manager", manager);
            v.put("fromTier", fromTier);
            v.put("toTier", toTier);
            v.put("reason", reason);
            return v;
        }
    }

    public record BatchResult(long lastId, int evaluated, int changed, List<PendingDowngrade> pending) {

        public boolean hasMore(int size) {
            return evaluated == size;
        }
    }

    /**
     * Re-tiers the customers after {@code afterId}, at most {@code size}. The figures are read and the DMN evaluated
     * first, with no transaction open; the changes are written in one transaction per batch, for the customers whose
     * tier is still the one the rules saw (a tier changed meanwhile is decided again by the next run).
     */
    public BatchResult retierBatch(long afterId, int size) {
        ProcessEngine.requireNoTransaction("re-tier customers");
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        LocalDate from = to.minusMonths(12);
        List<TieringRepository.Figures> batch = tiering.batch(afterId, size, from, to);
        Map<Long, BigDecimal> pipeline = new HashMap<>();
        List<Long> ids = batch.stream().map(TieringRepository.Figures::customerId).toList();
        pipelines.forEach(p -> pipeline.putAll(p.openAmounts(ids)));
        // the DMN decides each customer on the engine, several evaluations in flight at a time
        List<Object> results = evaluate(batch.stream().map(f -> facts(f, pipeline)).toList());
        return transactions.execute(status -> applyBatch(afterId, batch, pipeline, results));
    }

    private BatchResult applyBatch(long afterId, List<TieringRepository.Figures> batch, Map<Long, BigDecimal> pipeline, List<Object> results) {
        Map<Long, CustomerTier> current = tiering.lockTiers(batch.stream().map(TieringRepository.Figures::customerId).toList());
        int changed = 0;
        List<PendingDowngrade> pending = new ArrayList<>();
        List<TieringRepository.Classified> reasons = new ArrayList<>();
        long last = afterId;
        for (int i = 0; i < batch.size(); i++) {
            TieringRepository.Figures f = batch.get(i);
            last = f.customerId();
            if (current.get(f.customerId()) != f.tier()) {
                log.info("Customer {} changed tier while it was re-tiered; the next run decides it again", f.customerId());
                continue;
            }
            BigDecimal open = pipeline.getOrDefault(f.customerId(), BigDecimal.ZERO);
            Decided decided = decided(f, results.get(i));
            CustomerTier tier = decided.tier();
            String reason = decided.reason();
            if (tier == f.tier()) {
                if (!reason.equals(f.reason())) {
                    reasons.add(new TieringRepository.Classified(f.customerId(), tier, reason));
                }
                continue;
            }
            if (f.tier() == CustomerTier.STRATEGIC) {
                // a strategic customer is not downgraded by a rule alone: the owner's manager confirms
                if (!tiering.hasPending(f.customerId())) {
                    long change = tiering.insertChange(f.customerId(), f.tier(), tier, reason, f.revenue12m(), f.profit12m(), open,
                            TierChange.Status.PENDING, SYSTEM);
                    pending.add(new PendingDowngrade(change, f.customerId(), f.name(), f.owner(), users.managerFor(f.owner()),
                            f.tier().name(), tier.name(), reason));
                }
                continue;
            }
            tiering.insertChange(f.customerId(), f.tier(), tier, reason, f.revenue12m(), f.profit12m(), open, TierChange.Status.APPLIED, SYSTEM);
            tiering.setTier(f.customerId(), tier, reason);
            changed++;
            if (tier.ordinal() < f.tier().ordinal()) {
                tellOwnerOfUpgrade(f, tier, reason, open);
            }
        }
        // the reasons of the customers that keep their tier, in one statement
        tiering.setReasons(reasons);
        if (!batch.isEmpty()) {
            // the behaviour (purchase frequency, trend, services used) is recomputed with the tier
            behaviour.recomputeRange(afterId, last);
            log.info("Re-tiered {} customers after id {}: {} changed, {} strategic downgrades for confirmation", batch.size(), afterId, changed,
                    pending.size());
        }
        return new BatchResult(last, batch.size(), changed, pending);
    }

    /** The manager's answer to a strategic customer's downgrade: applied when confirmed, kept as it was otherwise. */
    @Transactional
    public void decideDowngrade(long changeId, boolean confirmed, String by, String note) {
        TierChange change = tiering.change(changeId).orElseThrow(() -> new UserFacingException("tiering.error.notFound"));
        if (!tiering.decide(changeId, confirmed ? TierChange.Status.CONFIRMED : TierChange.Status.REJECTED, by,
                note == null || note.isBlank() ? null : note.strip())) {
            return; // answered before: a repeated job changes nothing
        }
        if (confirmed) {
            tiering.setTier(change.customerId(), change.to(), change.reason());
        }
    }

    /** Why the customer has its tier now: the rule's reason with today's figures, in words. */
    public String currentReason(long customerId, Locale locale) {
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        return tiering.figures(customerId, to.minusMonths(12), to).map(f -> {
            BigDecimal open = BigDecimal.ZERO;
            for (PipelineAmounts p : pipelines) {
                open = open.add(p.openAmounts(List.of(customerId)).getOrDefault(customerId, BigDecimal.ZERO));
            }
            String reason = f.reason();
            if (reason == null) {
                // never re-tiered: what the rules say now
                Object result = engine.evaluateDecisionResult(DECISION_ID, Map.of("revenue12m", f.revenue12m(), "profit12m", f.profit12m(),
                        "pipeline", open));
                reason = result instanceof Map<?, ?> m && m.get("reason") != null ? m.get("reason").toString() : "BELOW";
            }
            return reasonText(reason, f.revenue12m(), f.profit12m(), open, locale);
        }).orElse("");
    }

    /** The last 24 complete months of revenue and profit, by service. */
    public List<com.summit.customer.domain.MonthRevenue> revenue(long customerId) {
        return tiering.revenue(customerId, LocalDate.now(Locales.ZONE).withDayOfMonth(1).minusMonths(24));
    }

    /** The tier's history, newest first. */
    public List<TierChange> history(long customerId) {
        return tiering.history(customerId);
    }

    /** Records one month's revenue and gross profit of a service (the import and the demo use it). */
    @Transactional
    public void recordRevenue(long customerId, LocalDate month, String service, BigDecimal revenue, BigDecimal profit) {
        tiering.upsertRevenue(customerId, month, service, revenue, profit);
    }

    /** Why a customer has its tier, in words: the rule and the figures it saw. */
    public String reasonText(String reason, BigDecimal revenue, BigDecimal profit, BigDecimal pipeline, Locale locale) {
        NumberFormat cny = NumberFormat.getCurrencyInstance(Locale.CHINA);
        cny.setMaximumFractionDigits(0);
        return messages.getTranslation("tiering.reason." + reason, locale, cny.format(revenue), cny.format(profit), cny.format(pipeline));
    }

    private void tellOwnerOfUpgrade(TieringRepository.Figures f, CustomerTier tier, String reason, BigDecimal pipeline) {
        notifications.send(List.of(f.owner()), new NotificationService.Message("CUSTOMER_UPGRADED",
                "upgraded:" + f.customerId() + ":" + tier.name() + ":" + LocalDate.now(Locales.ZONE).withDayOfMonth(1), "customers",
                notifications.text("notify.customer.upgraded", locale -> new Object[] {f.name(),
                        messages.getTranslation(tier.messageKey(), locale), reasonText(reason, f.revenue12m(), f.profit12m(), pipeline, locale)})));
    }

    /** Records many months of revenue at once (an import, the demo data). */
    @Transactional
    public int recordRevenue(List<TieringRepository.Revenue> rows) {
        return tiering.insertRevenue(rows);
    }

    /**
     * The first classification of customers just brought in (an import, the demo data): the DMN {@code customer-tier}
     * decides each one's tier from its 12 months and open pipeline, as the re-tiering would, and the tier is set with
     * its reason, without a history row or a notification (there is no tier it changed from), so that the next
     * re-tiering finds nothing to change. A customer that already has a tier history is left as it is.
     */
    public Map<CustomerTier, Integer> classifyImported(List<Long> customerIds) {
        ProcessEngine.requireNoTransaction("classify imported customers");
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        Map<Long, BigDecimal> pipeline = new HashMap<>();
        pipelines.forEach(p -> pipeline.putAll(p.openAmounts(customerIds)));
        List<TieringRepository.Figures> figures = tiering.figures(customerIds, to.minusMonths(12), to);
        List<Object> results = evaluate(figures.stream().map(f -> facts(f, pipeline)).toList());
        List<TieringRepository.Classified> tiers = new ArrayList<>();
        Map<CustomerTier, Integer> counts = new java.util.EnumMap<>(CustomerTier.class);
        for (int i = 0; i < figures.size(); i++) {
            Decided d = decided(figures.get(i), results.get(i));
            tiers.add(new TieringRepository.Classified(figures.get(i).customerId(), d.tier(), d.reason()));
            counts.merge(d.tier(), 1, Integer::sum);
        }
        tiering.setInitialTiers(tiers);
        return counts;
    }

    /** How many evaluations of the DMN are in flight at a time. */
    static final int IN_FLIGHT = 16;

    private record Decided(CustomerTier tier, String reason) {}

    /**
     * The decision for each customer, {@link #IN_FLIGHT} at a time. The embedded engine, with many evaluations in
     * flight on a busy machine, now and then answers one with an empty output (its in-memory state is read while it
     * is written); such an answer is asked again, alone, up to three times, before the batch fails.
     */
    private List<Object> evaluate(List<Map<String, Object>> facts) {
        List<Object> results = new java.util.ArrayList<>(engine.evaluateDecisionResults(DECISION_ID, facts, IN_FLIGHT));
        for (int i = 0; i < results.size(); i++) {
            for (int attempt = 1; attempt <= 3 && !(results.get(i) instanceof Map<?, ?>); attempt++) {
                log.warn("customer-tier gave an empty answer; asking again ({} of 3)", attempt);
                results.set(i, engine.evaluateDecisionResult(DECISION_ID, facts.get(i)));
            }
        }
        return results;
    }

    private static Map<String, Object> facts(TieringRepository.Figures f, Map<Long, BigDecimal> pipeline) {
        return Map.of("revenue12m", f.revenue12m(), "profit12m", f.profit12m(), "pipeline", pipeline.getOrDefault(f.customerId(), BigDecimal.ZERO));
    }

    private static Decided decided(TieringRepository.Figures f, Object result) {
        if (!(result instanceof Map<?, ?> outputs) || outputs.get("tier") == null) {
            throw new IllegalStateException("customer-tier gave no tier for customer " + f.customerId() + ": " + result);
        }
        return new Decided(CustomerTier.valueOf(outputs.get("tier").toString()), String.valueOf(outputs.get("reason")));
    }
}
