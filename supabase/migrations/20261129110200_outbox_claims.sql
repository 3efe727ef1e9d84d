-- Lets several outbox workers share the queue: a worker claims a batch for a
-- few minutes, sends it outside any transaction, then marks each mail sent.
alter table private.outbox add column claimed_until timestamptz;
