-- Ledger schema, version 2: indexes that keep ledger queries fast on years of data.
-- Rules as in 0001_initial.sql; this migration only adds indexes, no data changes.

-- Completing, reversing or cancelling a card payment updates its recovery record(s) in the outbox by
-- card_payment_id. Without this index every such update scans the whole outbox, which keeps one row per card
-- payment ever made: card payments got slower with every card payment (quadratic in a bulk load).
CREATE INDEX outbox_by_card_payment ON outbox (card_payment_id) WHERE card_payment_id IS NOT NULL;
