package com.summit.customer.service;

import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.customer.domain.Contact;
import com.summit.customer.domain.ContactRepository;
import com.summit.customer.domain.ContactRole;
import com.summit.security.domain.SummitUser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's contacts and the buying-influence map: who decides, who can veto, who leads on the customer's side,
 * and which of those roles nobody covers yet. Whoever may see the customer reads and edits them.
 */
@Service
public class ContactService {

    public static final int NAME_MAX = 50;
    public static final int TITLE_MAX = 60;
    public static final int PREFERENCES_MAX = 500;
    public static final int NOTES_MAX = 2000;

    private final ContactRepository contacts;
    private final CustomerService customers;

    ContactService(ContactRepository contacts, CustomerService customers) {
        this.contacts = contacts;
        this.customers = customers;
    }

    /** Adds a contact; every problem is reported at once, in the user's language, and nothing is stored. */
    @Transactional
    public Contact add(long customerId, NewContact input, SummitUser user) {
        visible(customerId, user);
        String name = com.summit.base.Names.cleanOrNull(input.name());
        List<FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldError("name", null, "contact.error.nameRequired"));
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add(new FieldError("name", null, "contact.error.tooLong", NAME_MAX));
        }
        String title = strip(input.title());
        if (title != null && title.codePointCount(0, title.length()) > TITLE_MAX) {
            errors.add(new FieldError("title", null, "contact.error.tooLong", TITLE_MAX));
        }
        if (input.role() == null) {
            errors.add(new FieldError("role", null, "contact.error.roleRequired"));
        }
        if (input.strength() == null || input.strength() < 1 || input.strength() > 5) {
            errors.add(new FieldError("strength", null, "contact.error.strength"));
        }
        String preferences = strip(input.preferences());
        if (preferences != null && preferences.codePointCount(0, preferences.length()) > PREFERENCES_MAX) {
            errors.add(new FieldError("preferences", null, "contact.error.tooLong", PREFERENCES_MAX));
        }
        String notes = strip(input.notes());
        if (notes != null && notes.codePointCount(0, notes.length()) > NOTES_MAX) {
            errors.add(new FieldError("notes", null, "contact.error.tooLong", NOTES_MAX));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = contacts.insert(customerId, name, title, input.role(), input.strength(), preferences, notes, user.username());
        return contacts.ofCustomer(customerId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(long customerId, long contactId, SummitUser user) {
        visible(customerId, user);
        if (contacts.delete(customerId, contactId) == 0) {
            throw new UserFacingException("contact.error.notFound");
        }
    }

    /** The buying-influence map: the contacts per role (every role listed, an uncovered one empty). */
    public Map<ContactRole, List<Contact>> influenceMap(long customerId, SummitUser user) {
        visible(customerId, user);
        Map<ContactRole, List<Contact>> map = new EnumMap<>(ContactRole.class);
        for (ContactRole role : ContactRole.values()) {
            map.put(role, new ArrayList<>());
        }
        contacts.ofCustomer(customerId).forEach(c -> map.get(c.role()).add(c));
        return map;
    }

    /** The ids of a customer's contacts (the caller has checked that the user sees the customer, or a deal of it). */
    public java.util.Set<Long> idsOfCustomer(long customerId) {
        return contacts.ofCustomer(customerId).stream().map(Contact::id).collect(java.util.stream.Collectors.toSet());
    }

    /** The roles that need someone and have nobody. */
    public List<ContactRole> uncovered(Map<ContactRole, List<Contact>> map) {
        return map.entrySet().stream().filter(e -> e.getKey().needsCover() && e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    private void visible(long customerId, SummitUser user) {
        customers.findVisible(customerId, user).orElseThrow(() -> new UserFacingException("customer.error.notVisible"));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Brings in many contacts at once, with their customers (the demo data, an import from another CRM). */
    @Transactional
    public int importAll(List<com.summit.customer.domain.ContactRepository.Imported> rows) {
        return contacts.insertAll(rows);
    }
}
