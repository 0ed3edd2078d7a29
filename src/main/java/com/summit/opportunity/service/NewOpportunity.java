package com.summit.opportunity.service;

import com.summit.customer.domain.LogisticsService;
import java.math.BigDecimal;
import java.util.Set;

/** What a rep enters to open an opportunity. Amount in CNY. */
public record NewOpportunity(Long customerId, String name, String description, BigDecimal amount, Set<LogisticsService> services) {}
