CREATE TABLE `activity_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`r2_key` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text NOT NULL,
	`original_name` text,
	`uploaded_by` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activity_photos_activity_idx` ON `activity_photos` (`activity_id`,`at`);