package com.summit.customer.service;

import com.summit.customer.domain.ContactRole;

/** What a rep enters for a contact. */
public record NewContact(String name, String title, ContactRole role, Integer strength, String preferences, String notes) {}
