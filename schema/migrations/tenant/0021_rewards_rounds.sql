CREATE TABLE `reward_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`position` integer NOT NULL,
	`recipient_type` text NOT NULL,
	`recipient_id` text NOT NULL,
	`recipient_name` text NOT NULL,
	`line_status` text NOT NULL,
	`demand_fen` integer,
	`amount_fen` integer NOT NULL,
	`facts` text NOT NULL,
	`steps` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `reward_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reward_allocations_amount" CHECK("reward_allocations"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reward_allocations_recipient_uq` ON `reward_allocations` (`round_id`,`recipient_id`);--> statement-breakpoint
CREATE INDEX `reward_allocations_round_idx` ON `reward_allocations` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `reward_disbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`allocation_id` text NOT NULL,
	`round_id` text NOT NULL,
	`recipient_type` text NOT NULL,
	`recipient_id` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`paid_on` text,
	`voucher_no` text,
	`paid_by` text,
	`paid_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`allocation_id`) REFERENCES `reward_allocations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reward_disbursements_paid" CHECK(("reward_disbursements"."status" = 'paid') = ("reward_disbursements"."paid_on" IS NOT NULL AND "reward_disbursements"."voucher_no" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reward_disbursements_allocation_uq` ON `reward_disbursements` (`allocation_id`);--> statement-breakpoint
CREATE INDEX `reward_disbursements_round_idx` ON `reward_disbursements` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `reward_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`subject` text NOT NULL,
	`budget_fen` integer NOT NULL,
	`method` text NOT NULL,
	`rules` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`corrects_round_id` text,
	`note` text,
	`last_simulation` text,
	`allocated_fen` integer,
	`recipient_count` integer,
	`published_at` integer,
	`published_by` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reward_rounds_budget" CHECK("reward_rounds"."budget_fen" >= 0 AND "reward_rounds"."budget_fen" <= 100000000000),
	CONSTRAINT "reward_rounds_published" CHECK(("reward_rounds"."status" = 'published') = ("reward_rounds"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `reward_rounds_year_idx` ON `reward_rounds` (`year`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reward_rounds_corrects_uq` ON `reward_rounds` (`corrects_round_id`);