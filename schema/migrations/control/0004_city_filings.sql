CREATE TABLE `city_filings` (
	`tenant` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`alliance_id` text NOT NULL,
	`alliance_name` text NOT NULL,
	`committee_name` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`filed_on` text NOT NULL,
	`filed_at` integer NOT NULL,
	`county_state` text NOT NULL,
	`city_state` text NOT NULL,
	`city_ack_at` integer,
	`city_ack_by` text,
	`version` integer NOT NULL,
	`copied_at` integer NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `city_filings_state_idx` ON `city_filings` (`city_state`,`filed_at`);--> statement-breakpoint
CREATE INDEX `city_filings_tenant_idx` ON `city_filings` (`tenant`,`city_state`,`filed_at`);--> statement-breakpoint
CREATE INDEX `city_filings_filed_idx` ON `city_filings` (`filed_at`,`id`);