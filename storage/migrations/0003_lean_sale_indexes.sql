-- Ledger schema, version 3: fewer index pages written per sale; open outbox items indexed.
-- Rules as in 0001_initial.sql; this migration only drops indexes, no data changes.
--
-- Every sale writes one page per index of the tables it touches, and each page goes to the WAL before the
-- sale is acknowledged. These three indexes served reports that are answered from the summary tables
-- (daily_tender_totals, daily_product_totals) maintained in the sale's own transaction, so no query uses them:
-- by cashier and by tender read daily_tender_totals; by product and category read daily_product_totals.
-- Dropping them takes three of the ~18 pages of a 5-line card sale off the durable commit
-- (bench/LedgerCommitBench.cpp measures it).
DROP INDEX IF EXISTS sales_by_cashier_date;
DROP INDEX IF EXISTS tenders_by_date;
DROP INDEX IF EXISTS sale_lines_by_date_product;

-- The status bar's unsynced count reads the open outbox items after every sale; the outbox keeps a row for
-- every card payment ever made, so the open ones get a small partial index of their own.
CREATE INDEX outbox_open ON outbox (state) WHERE state IN ('pending', 'in_flight', 'failed');
