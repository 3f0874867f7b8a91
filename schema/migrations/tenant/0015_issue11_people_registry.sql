CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_key` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`party_standing` text,
	`home_org_id` text,
	`in_service` integer DEFAULT false NOT NULL,
	`work_unit` text,
	`skills` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`id_number` text,
	`user_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "people_party_standing" CHECK(("people"."kind" = 'party_member') = ("people"."party_standing" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `people_status_sort_idx` ON `people` (`status`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `people_home_org_idx` ON `people` (`home_org_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_user_uq` ON `people` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_id_number_uq` ON `people` (`id_number`);