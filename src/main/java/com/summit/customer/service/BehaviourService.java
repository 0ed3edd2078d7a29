package com.summit.customer.service;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.BehaviourRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keeps each customer's behaviour (purchase frequency, trend, services used) current: the re-tiering recomputes it
 * for every batch, a revenue import for the customers it touched. The trend threshold is a setting
 * ({@code summit.customer.trend-threshold}, 10 % by default).
 */
@Service
public class BehaviourService {

    private final BehaviourRepository behaviour;
    private final BigDecimal threshold;

    BehaviourService(BehaviourRepository behaviour, @Value("${summit.customer.trend-threshold:0.10}") BigDecimal threshold) {
        this.behaviour = behaviour;
        this.threshold = threshold;
    }

    public void recompute(Collection<Long> customerIds) {
        if (!customerIds.isEmpty()) {
            behaviour.recompute(customerIds, thisMonth(), threshold);
        }
    }

    /** The customers with ids in (afterId, upToId], as the re-tiering's batch reads them. */
    public void recomputeRange(long afterId, long upToId) {
        behaviour.recomputeRange(afterId, upToId, thisMonth(), threshold);
    }

    /** Every customer, in ranges of 5,000 ids. */
    public void recomputeAll() {
        long max = behaviour.maxId();
        for (long after = 0; after < max; after += 5_000) {
            behaviour.recomputeRange(after, Math.min(max, after + 5_000), thisMonth(), threshold);
        }
    }

    private static LocalDate thisMonth() {
        return LocalDate.now(Locales.ZONE).withDayOfMonth(1);
    }
}
