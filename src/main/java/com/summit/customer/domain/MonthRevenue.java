package com.summit.customer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A month's revenue and gross profit of one service for a customer. */
public record MonthRevenue(LocalDate month, String service, BigDecimal revenue, BigDecimal profit) {}
