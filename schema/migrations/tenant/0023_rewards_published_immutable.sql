-- 以奖代补 (issue 12): a published round is immutable. Its lines are written
-- once, in the batch that publishes the round, and never change; the round
-- row itself no longer changes once published (a correction is a new round
-- that names it). Listed in test/repo/hand-written-schema.ts.
CREATE TRIGGER reward_allocations_no_update BEFORE UPDATE ON reward_allocations
          BEGIN SELECT RAISE(ABORT, 'reward_allocations is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER reward_allocations_no_delete BEFORE DELETE ON reward_allocations
          BEGIN SELECT RAISE(ABORT, 'reward_allocations is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER reward_rounds_published_frozen BEFORE UPDATE ON reward_rounds WHEN OLD.status = 'published'
          BEGIN SELECT RAISE(ABORT, 'a published reward round is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER reward_rounds_published_kept BEFORE DELETE ON reward_rounds WHEN OLD.status = 'published'
          BEGIN SELECT RAISE(ABORT, 'a published reward round is immutable'); END;
