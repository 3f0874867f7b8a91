CREATE TABLE `consumed_events` (
	`consumer` text NOT NULL,
	`event_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`consumer`, `event_id`)
);
--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`consumer` text NOT NULL,
	`error` text NOT NULL,
	`payload` text NOT NULL,
	`first_failed_at` integer NOT NULL,
	`last_failed_at` integer NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`replayed_at` integer,
	`replayed_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_event_consumer_uq` ON `dead_letters` (`event_id`,`consumer`);--> statement-breakpoint
CREATE INDEX `dead_letters_failed_idx` ON `dead_letters` (`last_failed_at`,`id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`version` integer NOT NULL,
	`aggregate_type` text NOT NULL,
	`aggregate_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`at` integer NOT NULL,
	`request_id` text NOT NULL,
	`data` text NOT NULL,
	`relayed_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`relayed_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_aggregate_idx` ON `outbox` (`aggregate_type`,`aggregate_id`,`id`);