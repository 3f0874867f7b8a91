CREATE TABLE `activity_quota_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`year` integer NOT NULL,
	`month` text NOT NULL,
	`standing` text NOT NULL,
	`kinds` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_quota_reminders_uq` ON `activity_quota_reminders` (`alliance_id`,`standing`,`month`);