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
CREATE INDEX `honour_designations_year_idx` ON `honour_designations` (`year`);