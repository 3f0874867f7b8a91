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
