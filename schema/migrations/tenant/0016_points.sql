CREATE TABLE `point_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`rule_code` text NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`requested` integer NOT NULL,
	`reason` text,
	`source_key` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text,
	`compensates_id` text,
	`home_org_id` text,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_id`) REFERENCES `point_rules`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "point_entries_month" CHECK("point_entries"."month" BETWEEN 1 AND 12),
	CONSTRAINT "point_entries_compensation" CHECK(("point_entries"."kind" = 'compensation') = ("point_entries"."compensates_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `point_entries_source_uq` ON `point_entries` (`source_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `point_entries_compensates_uq` ON `point_entries` (`compensates_id`);--> statement-breakpoint
CREATE INDEX `point_entries_person_idx` ON `point_entries` (`person_id`,`year`,`created_at`);--> statement-breakpoint
CREATE INDEX `point_entries_cap_idx` ON `point_entries` (`person_id`,`rule_code`,`year`,`month`);--> statement-breakpoint
CREATE INDEX `point_entries_period_idx` ON `point_entries` (`year`,`month`,`person_id`,`points`);--> statement-breakpoint
CREATE INDEX `point_entries_created_idx` ON `point_entries` (`created_at`);--> statement-breakpoint
CREATE TABLE `point_org_totals` (
	`org_id` text NOT NULL,
	`year` integer NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `year`)
);
--> statement-breakpoint
CREATE INDEX `point_org_totals_board_idx` ON `point_org_totals` (`year`,"total" DESC,`org_id`);--> statement-breakpoint
CREATE TABLE `point_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`points_per_unit` integer NOT NULL,
	`cap_period` text,
	`cap_points` integer,
	`award_roles` text DEFAULT '[]' NOT NULL,
	`reason_required` integer DEFAULT true NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`valid_from` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "point_rules_cap" CHECK(("point_rules"."cap_period" IS NULL) = ("point_rules"."cap_points" IS NULL) AND ("point_rules"."cap_points" IS NULL OR "point_rules"."cap_points" >= 0)),
	CONSTRAINT "point_rules_points" CHECK("point_rules"."points_per_unit" BETWEEN 0 AND 1000 AND "point_rules"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `point_rules_code_version_uq` ON `point_rules` (`code`,`version`);--> statement-breakpoint
CREATE TABLE `point_totals` (
	`person_id` text NOT NULL,
	`year` integer NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `year`)
);
--> statement-breakpoint
CREATE INDEX `point_totals_board_idx` ON `point_totals` (`year`,"total" DESC,`person_id`);