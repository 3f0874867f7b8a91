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
CREATE UNIQUE INDEX `activity_quota_plans_uq` ON `activity_quota_plans` (`alliance_id`,`year`,`kind`);