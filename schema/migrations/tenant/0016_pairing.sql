CREATE TABLE `member_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`community_org_id` text NOT NULL,
	`reported_on` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_reports_live_uq` ON `member_reports` (`person_id`,`community_org_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `member_reports_community_idx` ON `member_reports` (`community_org_id`,`status`);--> statement-breakpoint
CREATE TABLE `org_pairings` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`community_org_id` text NOT NULL,
	`paired_on` text NOT NULL,
	`agreement` text DEFAULT '' NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "org_pairings_not_self" CHECK("org_pairings"."org_id" <> "org_pairings"."community_org_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_pairings_live_uq` ON `org_pairings` (`org_id`,`community_org_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `org_pairings_community_idx` ON `org_pairings` (`community_org_id`,`status`);--> statement-breakpoint
CREATE TABLE `pairing_standards` (
	`year` integer PRIMARY KEY NOT NULL,
	`member_min_records` integer NOT NULL,
	`member_min_minutes` integer NOT NULL,
	`org_min_records` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "pairing_standards_non_negative" CHECK("pairing_standards"."member_min_records" >= 0 AND "pairing_standards"."member_min_minutes" >= 0 AND "pairing_standards"."org_min_records" >= 0)
);
--> statement-breakpoint
CREATE TABLE `report_records` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`community_org_id` text NOT NULL,
	`served_on` text NOT NULL,
	`year` integer NOT NULL,
	`content` text NOT NULL,
	`minutes` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "report_records_minutes" CHECK("report_records"."minutes" BETWEEN 1 AND 1440)
);
--> statement-breakpoint
CREATE INDEX `report_records_person_year_idx` ON `report_records` (`person_id`,`year`);--> statement-breakpoint
CREATE INDEX `report_records_community_year_idx` ON `report_records` (`community_org_id`,`year`,`served_on`);