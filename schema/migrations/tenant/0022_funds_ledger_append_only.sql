-- Funds (issue 12): what drizzle cannot declare.
-- The alliance fund ledger is a record: corrections are compensating entries;
-- no UPDATE, no DELETE, ever (listed in test/repo/hand-written-schema.ts).
CREATE TRIGGER fund_entries_no_update BEFORE UPDATE ON fund_entries
          BEGIN SELECT RAISE(ABORT, 'fund_entries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER fund_entries_no_delete BEFORE DELETE ON fund_entries
          BEGIN SELECT RAISE(ABORT, 'fund_entries is append-only'); END;
