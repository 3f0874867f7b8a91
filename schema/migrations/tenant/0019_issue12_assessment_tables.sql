CREATE TABLE `assessment_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`rater_group` text NOT NULL,
	`rater_key` text NOT NULL,
	`score` integer NOT NULL,
	`level` text NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessment_ratings_score" CHECK("assessment_ratings"."score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_ratings_rater_uq` ON `assessment_ratings` (`assessment_id`,`rater_group`,`rater_key`);--> statement-breakpoint
CREATE TABLE `assessment_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`raw` integer NOT NULL,
	`evidence` text NOT NULL,
	`note` text,
	`entered_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `scheme_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessment_scores_raw" CHECK("assessment_scores"."raw" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_scores_indicator_uq` ON `assessment_scores` (`assessment_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`year` integer NOT NULL,
	`scheme_id` text NOT NULL,
	`committee_org_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`score` integer,
	`grade` text,
	`consequences` text,
	`finalized_at` integer,
	`finalized_by` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`scheme_id`) REFERENCES `indicator_schemes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessments_finalized" CHECK(("assessments"."status" = 'finalized') = ("assessments"."score" IS NOT NULL AND "assessments"."grade" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_alliance_year_uq` ON `assessments` (`alliance_id`,`year`);--> statement-breakpoint
CREATE INDEX `assessments_year_status_idx` ON `assessments` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `indicator_schemes` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`year` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`thresholds` text NOT NULL,
	`copied_from_id` text,
	`frozen_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`row_version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicator_schemes_version" CHECK("indicator_schemes"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_schemes_level_year_version_uq` ON `indicator_schemes` (`level`,`year`,`version`);--> statement-breakpoint
CREATE TABLE `rating_links` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`rater_group` text DEFAULT 'resident' NOT NULL,
	`token_hash` text NOT NULL,
	`label` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_links_token_uq` ON `rating_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `rating_links_assessment_idx` ON `rating_links` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `scheme_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`criteria` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`metric` text,
	`rater_group` text,
	`weight` integer NOT NULL,
	`max_score` integer NOT NULL,
	FOREIGN KEY (`scheme_id`) REFERENCES `indicator_schemes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "scheme_indicators_weight" CHECK("scheme_indicators"."weight" BETWEEN 1 AND 100 AND "scheme_indicators"."max_score" >= 1),
	CONSTRAINT "scheme_indicators_kind" CHECK(("scheme_indicators"."kind" = 'computed') = ("scheme_indicators"."metric" IS NOT NULL) AND ("scheme_indicators"."kind" = 'rated') = ("scheme_indicators"."rater_group" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheme_indicators_position_uq` ON `scheme_indicators` (`scheme_id`,`position`);