CREATE TABLE `branch_standardizations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`self_assessment` text NOT NULL,
	`applied_by` text NOT NULL,
	`applied_at` integer NOT NULL,
	`org_score` integer,
	`annual_review_grade` text,
	`members_evaluating` integer,
	`members_excellent` integer,
	`members_good` integer,
	`members_fair` integer,
	`members_poor` integer,
	`residents_satisfied` integer,
	`residents_basic` integer,
	`residents_dissatisfied` integer,
	`residents_dissatisfied_verified` integer,
	`departments_consulted` integer,
	`department_objections` text,
	`evaluation_note` text,
	`evidence` text,
	`evaluated_by` text,
	`evaluated_at` integer,
	`decision_reason` text,
	`decided_by` text,
	`decided_at` integer,
	`revoked_reason` text,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "branch_standardizations_score" CHECK("branch_standardizations"."org_score" IS NULL OR "branch_standardizations"."org_score" BETWEEN 0 AND 100),
	CONSTRAINT "branch_standardizations_members" CHECK("branch_standardizations"."members_evaluating" IS NULL OR "branch_standardizations"."members_excellent" + "branch_standardizations"."members_good" + "branch_standardizations"."members_fair" + "branch_standardizations"."members_poor" = "branch_standardizations"."members_evaluating"),
	CONSTRAINT "branch_standardizations_verified" CHECK("branch_standardizations"."residents_dissatisfied_verified" IS NULL OR "branch_standardizations"."residents_dissatisfied_verified" <= "branch_standardizations"."residents_dissatisfied")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branch_standardizations_live_uq` ON `branch_standardizations` (`org_id`,`year`) WHERE status NOT IN ('returned', 'revoked');--> statement-breakpoint
CREATE INDEX `branch_standardizations_year_idx` ON `branch_standardizations` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `demo_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`org_id` text,
	`alliance_id` text,
	`level` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`document_ids` text NOT NULL,
	`designated_by` text NOT NULL,
	`designated_at` integer NOT NULL,
	`revoked_reason` text,
	`revoked_by` text,
	`revoked_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`alliance_id`) REFERENCES `alliances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "demo_sites_subject" CHECK(("demo_sites"."subject_type" = 'org' AND "demo_sites"."org_id" IS NOT NULL AND "demo_sites"."alliance_id" IS NULL) OR ("demo_sites"."subject_type" = 'alliance' AND "demo_sites"."alliance_id" IS NOT NULL AND "demo_sites"."org_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `demo_sites_org_live_uq` ON `demo_sites` (`org_id`,`level`,`year`) WHERE status = 'in_force' AND org_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `demo_sites_alliance_live_uq` ON `demo_sites` (`alliance_id`,`level`,`year`) WHERE status = 'in_force' AND alliance_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `demo_sites_year_idx` ON `demo_sites` (`year`);--> statement-breakpoint
CREATE TABLE `honour_designations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`year` integer NOT NULL,
	`level` text NOT NULL,
	`status` text NOT NULL,
	`standardization_id` text NOT NULL,
	`reason` text NOT NULL,
	`checks` text NOT NULL,
	`designated_by` text NOT NULL,
	`designated_at` integer NOT NULL,
	`revoked_reason` text,
	`revoked_cause` text,
	`revoked_by` text,
	`revoked_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standardization_id`) REFERENCES `branch_standardizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `honour_designations_live_uq` ON `honour_designations` (`org_id`,`year`,`level`) WHERE status = 'in_force';--> statement-breakpoint
CREATE INDEX `honour_designations_year_idx` ON `honour_designations` (`year`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `reward_rounds_corrects_uq` ON `reward_rounds` (`corrects_round_id`);--> statement-breakpoint
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
CREATE INDEX `fund_entries_project_idx` ON `fund_entries` (`project_id`);--> statement-breakpoint
ALTER TABLE `rating_links` ADD `revoked_at` integer;