CREATE TABLE `fund_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`source` text,
	`amount_fen` integer NOT NULL,
	`project_id` text,
	`org_id` text,
	`call_id` text,
	`contribution_bp` integer,
	`occurred_on` text NOT NULL,
	`voucher_no` text,
	`summary` text NOT NULL,
	`reverses_id` text,
	`reason` text,
	`source_key` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "fund_entries_amount" CHECK("fund_entries"."amount_fen" <> 0 AND abs("fund_entries"."amount_fen") <= 100000000000),
	CONSTRAINT "fund_entries_reversal" CHECK(("fund_entries"."reverses_id" IS NULL) = ("fund_entries"."amount_fen" > 0)),
	CONSTRAINT "fund_entries_source" CHECK(("fund_entries"."kind" = 'income') = ("fund_entries"."source" IS NOT NULL)),
	CONSTRAINT "fund_entries_project" CHECK("fund_entries"."project_id" IS NULL OR "fund_entries"."kind" = 'spending'),
	CONSTRAINT "fund_entries_date" CHECK("fund_entries"."occurred_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_entries_source_uq` ON `fund_entries` (`source_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `fund_entries_reverses_uq` ON `fund_entries` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `fund_entries_alliance_idx` ON `fund_entries` (`alliance_id`,`occurred_on`,`created_at`);--> statement-breakpoint
CREATE INDEX `fund_entries_project_idx` ON `fund_entries` (`project_id`);