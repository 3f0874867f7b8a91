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
CREATE INDEX `service_logs_claim_idx` ON `service_logs` (`claim_id`);