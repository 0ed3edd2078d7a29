package com.summit.customer.service;

import com.summit.customer.domain.Industry;

/** What a rep enters to create a customer. */
public record NewCustomer(String name, String creditCode, Industry industry, String region) {}
