package com.summit.customer.service;

import com.summit.base.FieldError;
import com.summit.base.ValidationException;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.CustomerRepository;
import com.summit.customer.domain.NeedType;
import com.summit.customer.domain.Trend;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    public static final int NAME_MAX = 100;
    public static final int REGION_MAX = 60;
    public static final int ADDRESS_MAX = 200;

    private final CustomerRepository customers;

    private final com.summit.security.service.UserService users;
    private final com.summit.customer.domain.NoteRepository notes;

    public static final int NOTE_MAX = 2000;

    private final org.springframework.beans.factory.ObjectProvider<com.summit.notify.service.Mentions> mentions;

    CustomerService(CustomerRepository customers, com.summit.security.service.UserService users, com.summit.customer.domain.NoteRepository notes,
            org.springframework.beans.factory.ObjectProvider<com.summit.notify.service.Mentions> mentions) {
        this.mentions = mentions;
        this.customers = customers;
        this.users = users;
        this.notes = notes;
    }

    /**
     * Adds a note to a customer the user sees; a blank or over-long note is refused and nothing is stored. An @mention
     * tells that user; only someone who sees the customer can be mentioned.
     */
    @Transactional
    public void addNote(long customerId, String body, SummitUser user) {
        findVisible(customerId, user).orElseThrow(() -> new com.summit.base.UserFacingException("customer.error.notVisible"));
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("note", null, "customer.notes.required")));
        }
        if (text.codePointCount(0, text.length()) > NOTE_MAX) {
            throw new ValidationException(List.of(new FieldError("note", null, "customer.notes.tooLong", NOTE_MAX)));
        }
        var mentioned = mentions.getObject().check(text, u -> findVisible(customerId, u).isPresent());
        notes.insert(customerId, text, user.username());
        Customer customer = customers.findById(customerId).orElseThrow();
        mentions.getObject().tell(mentioned, user, customer.name(), text, "customers/" + customerId, "note:" + customerId + ":" + java.util.UUID.randomUUID());
    }

    /** The latest 50 notes on a customer the user sees, newest first. */
    public List<com.summit.customer.domain.NoteRepository.Note> notes(long customerId, SummitUser user) {
        findVisible(customerId, user).orElseThrow(() -> new com.summit.base.UserFacingException("customer.error.notVisible"));
        return notes.of(customerId, 50);
    }

    /** Creates a customer owned by the user; a blank, over-long or duplicate name is refused and nothing is stored. */
    @Transactional
    public Customer create(NewCustomer input, SummitUser user) {
        // invisible and look-alike characters do not make a new name: compared and stored in their clean form
        String name = com.summit.base.Names.clean(input.name());
        String region = input.region() == null ? null : com.summit.base.Names.clean(input.region());
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", null, "customer.error.nameRequired"));
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add(new FieldError("name", null, "customer.error.nameTooLong", NAME_MAX));
        } else if (customers.nameTaken(name)) {
            errors.add(new FieldError("name", null, "customer.error.nameTaken", name));
        }
        if (region != null && region.codePointCount(0, region.length()) > REGION_MAX) {
            errors.add(new FieldError("region", null, "customer.error.regionTooLong", REGION_MAX));
        }
        String creditCode = input.creditCode() == null || input.creditCode().isBlank() ? null : input.creditCode().strip().toUpperCase();
        if (creditCode != null && !CreditCode.isValid(creditCode)) {
            errors.add(new FieldError("creditCode", null, "customer.error.creditCode"));
        } else if (creditCode != null && customers.creditCodeTaken(creditCode)) {
            errors.add(new FieldError("creditCode", null, "customer.error.creditCodeTaken", creditCode));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            long id = customers.insert(name, creditCode, input.industry(), region == null || region.isEmpty() ? null : region, user.username());
            return customers.findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ValidationException(List.of(new FieldError("name", null, "customer.error.nameTaken", name)));
        }
    }

    /** The rep's need type for a customer the user sees (null: not assessed). */
    @Transactional
    public void setNeedType(long customerId, NeedType needType, SummitUser user) {
        findVisible(customerId, user).orElseThrow(() -> new com.summit.base.UserFacingException("customer.error.notVisible"));
        customers.updateNeedType(customerId, needType);
    }

    /**
     * The customers the user may see: a rep their own and those of the opportunity teams they are in; a manager also
     * their team's; an admin all of them.
     */
    public List<Customer> visibleTo(SummitUser user) {
        return customers.findVisibleTo(viewer(user));
    }

    /** A page of the visible customers whose name contains the text, by name (a customer box's lazy items). */
    public List<Customer> visibleByName(SummitUser user, String text, int offset, int limit) {
        return customers.findVisibleByName(viewer(user), text == null ? "" : text.strip(), offset, limit);
    }

    /**
     * The user's own customers by name, at most {@code limit}: those they own or work on a deal of, as a manager's or
     * an admin's wider view does not count here (a start form's select, which has to ship its options).
     */
    public List<Customer> ownByName(SummitUser user, int limit) {
        return customers.findVisibleByName(new CustomerRepository.Viewer(user.username(), user.team(), false, false), "", 0, limit);
    }

    public int countVisibleByName(SummitUser user, String text) {
        return customers.countVisibleByName(viewer(user), text == null ? "" : text.strip());
    }

    public static CustomerRepository.Viewer viewer(SummitUser user) {
        return new CustomerRepository.Viewer(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN));
    }

    /** The customer list's filters (any may be null: no filter). */
    public record Filter(CustomerTier tier, Industry industry, String region, String owner, String name, Trend trend) {

        public Filter(CustomerTier tier, Industry industry, String region, String owner, String name) {
            this(tier, industry, region, owner, name, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** A page of the customers the user may see, filtered, by name. */
    public List<Customer> page(SummitUser user, Filter filter, int offset, int limit) {
        return customers.page(query(user, filter), offset, Math.min(limit, 500), false);
    }

    public long count(SummitUser user, Filter filter) {
        return customers.count(query(user, filter));
    }

    /** The owners among the customers the user may see (username → name), for the owner filter. */
    public Map<String, String> owners(SummitUser user) {
        Map<String, String> owners = new java.util.TreeMap<>();
        customers.owners(viewer(user)).forEach(u -> owners.put(u, displayName(u)));
        return owners;
    }

    private static CustomerRepository.ListQuery query(SummitUser user, Filter f) {
        return new CustomerRepository.ListQuery(viewer(user), f.tier(), f.industry(), blank(f.region()), blank(f.owner()),
                blank(f.name()), f.trend());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The owner's name as people read it. */
    public String ownerName(Customer c) {
        return displayName(c.ownerUsername());
    }

    public String displayName(String username) {
        return username == null ? "—" : users.displayNames().getOrDefault(username, username);
    }

    public Optional<Customer> find(long id) {
        return customers.findById(id);
    }

    /** The customers with these ids, by id (the caller has checked visibility). */
    public java.util.Map<Long, Customer> findAll(java.util.Collection<Long> ids) {
        return customers.findByIds(ids);
    }

    public Optional<Customer> findVisible(long id, SummitUser user) {
        return customers.findVisible(id, viewer(user));
    }

    /**
     * Sets a customer's value tier as given (demo data, from the seeds' cases). The tiering rules that compute it
     * from revenue, profit and pipeline come with issue #6.
     */
    public void assignTier(long id, CustomerTier tier) {
        customers.updateTier(id, tier);
    }

    public long count() {
        return customers.count();
    }

    /**
     * Brings in many customers at once (the demo data, an import from another CRM), each with its owner and creation
     * time; their ids in the order given. The names must be new and the credit codes valid: a bad row stores nothing.
     */
    @Transactional
    public List<Long> importAll(List<CustomerRepository.Imported> rows) {
        for (CustomerRepository.Imported row : rows) {
            if (row.name() == null || row.name().isBlank() || row.name().codePointCount(0, row.name().length()) > NAME_MAX
                    || (row.creditCode() != null && !CreditCode.isValid(row.creditCode()))) {
                throw new IllegalArgumentException("not a customer to import: " + row);
            }
        }
        return customers.insertAll(rows);
    }
}
