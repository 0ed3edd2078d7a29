package com.summit.customer.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** The open pipeline (amount of open opportunities) per customer, for the tiering; kept by the opportunity feature. */
public interface PipelineAmounts {

    Map<Long, BigDecimal> openAmounts(Collection<Long> customerIds);
}
