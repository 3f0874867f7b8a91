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
CREATE TABLE `post_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`person_id` text NOT NULL,
	`group_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`decision_reason` text,
	`claimed_by` text NOT NULL,
	`claimed_on` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `post_claims_post_idx` ON `post_claims` (`post_id`,`status`);--> statement-breakpoint
CREATE INDEX `post_claims_person_idx` ON `post_claims` (`person_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `post_claims_live_uq` ON `post_claims` (`post_id`,`person_id`) WHERE status IN ('pending', 'approved');--> statement-breakpoint
CREATE TABLE `posts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_org_id` text,
	`owner_alliance_id` text,
	`title` text NOT NULL,
	`duties` text NOT NULL,
	`places` integer NOT NULL,
	`taken` integer DEFAULT 0 NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`skills` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "posts_one_owner" CHECK(("posts"."owner_org_id" IS NULL) <> ("posts"."owner_alliance_id" IS NULL)),
	CONSTRAINT "posts_places" CHECK("posts"."places" >= 1 AND "posts"."taken" >= 0 AND "posts"."taken" <= "posts"."places"),
	CONSTRAINT "posts_period" CHECK("posts"."starts_on" <= "posts"."ends_on")
);
--> statement-breakpoint
CREATE INDEX `posts_status_ends_idx` ON `posts` (`status`,`ends_on`,`id`);--> statement-breakpoint
CREATE INDEX `posts_owner_org_idx` ON `posts` (`owner_org_id`);--> statement-breakpoint
CREATE INDEX `posts_owner_alliance_idx` ON `posts` (`owner_alliance_id`);--> statement-breakpoint
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
CREATE INDEX `report_records_community_year_idx` ON `report_records` (`community_org_id`,`year`,`served_on`);--> statement-breakpoint
CREATE TABLE `service_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`claim_id` text NOT NULL,
	`post_id` text NOT NULL,
	`person_id` text NOT NULL,
	`service_date` text NOT NULL,
	`minutes` integer NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'logged' NOT NULL,
	`decision_reason` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `post_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "service_logs_minutes" CHECK("service_logs"."minutes" BETWEEN 1 AND 1440)
);
--> statement-breakpoint
CREATE INDEX `service_logs_post_idx` ON `service_logs` (`post_id`,`status`,`service_date`);--> statement-breakpoint
CREATE INDEX `service_logs_person_day_idx` ON `service_logs` (`person_id`,`service_date`);--> statement-breakpoint
CREATE INDEX `service_logs_claim_idx` ON `service_logs` (`claim_id`);--> statement-breakpoint
CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`activity_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text NOT NULL,
	`place_org_id` text,
	`lat` real,
	`lng` real,
	`checkin_radius_m` integer,
	`organizer_org_id` text NOT NULL,
	`participant_org_ids` text DEFAULT '[]' NOT NULL,
	`summary` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`code` text NOT NULL,
	`attendance` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "activities_window" CHECK("activities"."ends_at" > "activities"."starts_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activities_code_uq` ON `activities` (`code`);--> statement-breakpoint
CREATE INDEX `activities_alliance_date_idx` ON `activities` (`alliance_id`,`activity_date`);--> statement-breakpoint
CREATE INDEX `activities_date_idx` ON `activities` (`activity_date`,`id`);--> statement-breakpoint
CREATE TABLE `activity_checkins` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`person_id` text NOT NULL,
	`alliance_id` text NOT NULL,
	`method` text NOT NULL,
	`distance_m` integer,
	`at` integer NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_checkins_uq` ON `activity_checkins` (`activity_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `activity_checkins_person_idx` ON `activity_checkins` (`person_id`,`at`);--> statement-breakpoint
CREATE TABLE `activity_quota_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`required` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "activity_quota_required" CHECK("activity_quota_plans"."required" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_quota_plans_uq` ON `activity_quota_plans` (`alliance_id`,`year`,`kind`);--> statement-breakpoint
CREATE TABLE `meeting_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`alliance_id` text NOT NULL,
	`content` text NOT NULL,
	`owner_org_id` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_on` text,
	`done_note` text,
	`done_by` text,
	`done_by_name` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "meeting_decisions_done" CHECK(("meeting_decisions"."status" = 'done') = ("meeting_decisions"."done_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `meeting_decisions_meeting_idx` ON `meeting_decisions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_decisions_alliance_status_idx` ON `meeting_decisions` (`alliance_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `meeting_decisions_owner_status_idx` ON `meeting_decisions` (`owner_org_id`,`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`held_on` text NOT NULL,
	`agenda` text NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`attendee_org_ids` text DEFAULT '[]' NOT NULL,
	`attendee_person_ids` text DEFAULT '[]' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meetings_alliance_held_idx` ON `meetings` (`alliance_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `meetings_held_idx` ON `meetings` (`held_on`);--> statement-breakpoint
CREATE TABLE `org_life_records` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`topic` text NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`attendee_ids` text DEFAULT '[]' NOT NULL,
	`expected_count` integer NOT NULL,
	`present_count` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "org_life_records_counts" CHECK("org_life_records"."present_count" >= 0 AND "org_life_records"."present_count" <= "org_life_records"."expected_count")
);
--> statement-breakpoint
CREATE INDEX `org_life_records_org_held_idx` ON `org_life_records` (`org_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `org_life_records_held_idx` ON `org_life_records` (`held_on`,`kind`);--> statement-breakpoint
CREATE TABLE `org_life_standards` (
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`times` integer DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`year`, `kind`),
	CONSTRAINT "org_life_standards_times" CHECK("org_life_standards"."times" BETWEEN 1 AND 31)
);
--> statement-breakpoint
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
CREATE INDEX `point_totals_board_idx` ON `point_totals` (`year`,"total" DESC,`person_id`);--> statement-breakpoint
ALTER TABLE `alliance_members` ADD `liaison_person_id` text;--> statement-breakpoint
ALTER TABLE `people` ADD `left_on` text;--> statement-breakpoint
ALTER TABLE `people` ADD `left_reason` text;