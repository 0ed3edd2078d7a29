-- A customer's deals (the customer page) and the open pipeline per customer (each re-tiering batch, the tier's
-- reason) are read by customer: without this index each of those reads scanned every opportunity.
create index opportunity_customer on opportunity (customer_id, status);
