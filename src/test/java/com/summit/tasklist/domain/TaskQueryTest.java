package com.summit.tasklist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.customer.domain.CustomerTier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaskQueryTest {

    @Test
    void theInboxOffersEveryCustomerTierHighestFirst() {
        assertThat(TaskQuery.CUSTOMER_TIERS).containsExactly(Arrays.stream(CustomerTier.values()).map(Enum::name).toArray(String[]::new));
    }
}
