CREATE TABLE `rollup_alliances` (
	`slug` text NOT NULL,
	`alliance_id` text NOT NULL,
	`as_of` integer NOT NULL,
	`summary` text NOT NULL,
	PRIMARY KEY(`slug`, `alliance_id`)
);
--> statement-breakpoint
CREATE TABLE `rollup_counties` (
	`slug` text PRIMARY KEY NOT NULL,
	`stale` integer DEFAULT false NOT NULL,
	`stale_since` integer,
	`last_error` text,
	`recounted_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rollup_months` (
	`slug` text NOT NULL,
	`month` text NOT NULL,
	`alliances_established` integer DEFAULT 0 NOT NULL,
	`needs_met` integer DEFAULT 0 NOT NULL,
	`projects_completed` integer DEFAULT 0 NOT NULL,
	`activities_held` integer DEFAULT 0 NOT NULL,
	`meetings_held` integer DEFAULT 0 NOT NULL,
	`points_awarded` integer DEFAULT 0 NOT NULL,
	`disbursed_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`slug`, `month`)
);
--> statement-breakpoint
CREATE INDEX `rollup_months_month_idx` ON `rollup_months` (`month`);--> statement-breakpoint
CREATE TABLE `rollup_parts` (
	`slug` text NOT NULL,
	`source` text NOT NULL,
	`as_of` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`slug`, `source`)
);
