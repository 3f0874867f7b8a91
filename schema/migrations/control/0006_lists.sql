CREATE TABLE `allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`project_id` text NOT NULL,
	`need_id` text NOT NULL,
	`resource_id` text,
	`quantity` integer NOT NULL,
	`state` text DEFAULT 'committed' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "allocations_quantity_positive" CHECK("allocations"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `allocations_project_idx` ON `allocations` (`project_id`);--> statement-breakpoint
CREATE INDEX `allocations_need_idx` ON `allocations` (`need_id`);--> statement-breakpoint
CREATE INDEX `allocations_resource_idx` ON `allocations` (`resource_id`);--> statement-breakpoint
CREATE TABLE `list_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`also_serves` text DEFAULT '[]' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_categories_name_uq` ON `list_categories` (`name`);--> statement-breakpoint
CREATE TABLE `match_rejections` (
	`id` text PRIMARY KEY NOT NULL,
	`need_id` text NOT NULL,
	`resource_id` text NOT NULL,
	`reason` text,
	`rejected_by` text NOT NULL,
	`rejected_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_rejections_pair_uq` ON `match_rejections` (`need_id`,`resource_id`);--> statement-breakpoint
CREATE INDEX `match_rejections_resource_idx` ON `match_rejections` (`resource_id`);--> statement-breakpoint
CREATE TABLE `needs` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`source` text NOT NULL,
	`category_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`street_code` text,
	`community_code` text,
	`grid_name` text,
	`address` text,
	`lat` real,
	`lng` real,
	`urgency` integer NOT NULL,
	`deadline` text NOT NULL,
	`raised_by_org_id` text,
	`raiser_name` text,
	`raiser_phone` text,
	`api_key_id` text,
	`committed_qty` integer DEFAULT 0 NOT NULL,
	`in_delivery_qty` integer DEFAULT 0 NOT NULL,
	`fulfilled_qty` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "needs_quantity_positive" CHECK("needs"."quantity" > 0),
	CONSTRAINT "needs_urgency_range" CHECK("needs"."urgency" BETWEEN 1 AND 4),
	CONSTRAINT "needs_quantities_within" CHECK("needs"."committed_qty" >= 0 AND "needs"."in_delivery_qty" >= 0 AND "needs"."fulfilled_qty" >= 0 AND "needs"."committed_qty" + "needs"."in_delivery_qty" + "needs"."fulfilled_qty" <= "needs"."quantity")
);
--> statement-breakpoint
CREATE INDEX `needs_alliance_status_idx` ON `needs` (`alliance_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `needs_status_created_idx` ON `needs` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `needs_created_idx` ON `needs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `needs_category_idx` ON `needs` (`category_id`,`status`);--> statement-breakpoint
CREATE INDEX `needs_raised_by_idx` ON `needs` (`raised_by_org_id`);--> statement-breakpoint
CREATE TABLE `project_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`org_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`decision_note` text,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `project_claims_project_idx` ON `project_claims` (`project_id`,`claimed_at`);--> statement-breakpoint
CREATE INDEX `project_claims_org_idx` ON `project_claims` (`org_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `project_claims_live_uq` ON `project_claims` (`project_id`,`org_id`) WHERE status IN ('pending', 'confirmed');--> statement-breakpoint
CREATE TABLE `project_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`weight` integer NOT NULL,
	`due_on` text,
	`progress_pct` integer DEFAULT 0 NOT NULL,
	`done_on` text,
	`note` text,
	`sort_order` integer NOT NULL,
	CONSTRAINT "project_milestones_weight_positive" CHECK("project_milestones"."weight" > 0),
	CONSTRAINT "project_milestones_progress_range" CHECK("project_milestones"."progress_pct" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX `project_milestones_project_idx` ON `project_milestones` (`project_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `project_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`author_name` text,
	`author_org_id` text,
	`reply_to_id` text,
	`notified` text DEFAULT '[]' NOT NULL,
	`on_date` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `project_notes_project_idx` ON `project_notes` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `project_notes_kind_idx` ON `project_notes` (`kind`,`created_at`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`category_id` text,
	`owner_name` text,
	`owner_org_id` text,
	`status` text DEFAULT 'proposed' NOT NULL,
	`budget_fen` integer DEFAULT 0 NOT NULL,
	`funding` text DEFAULT '[]' NOT NULL,
	`start_on` text,
	`due_on` text NOT NULL,
	`started_on` text,
	`completed_on` text,
	`accepted_on` text,
	`progress_bp` integer DEFAULT 0 NOT NULL,
	`warning` text DEFAULT 'green' NOT NULL,
	`warning_reason` text,
	`warning_on` text,
	`escalated_on` text,
	`beneficiaries` integer,
	`delivered_qty` integer,
	`outcome_note` text,
	`acceptance_note` text,
	`cancel_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "projects_budget_nonneg" CHECK("projects"."budget_fen" >= 0),
	CONSTRAINT "projects_progress_range" CHECK("projects"."progress_bp" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE INDEX `projects_alliance_status_idx` ON `projects` (`alliance_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `projects_status_due_idx` ON `projects` (`status`,`due_on`,`id`);--> statement-breakpoint
CREATE INDEX `projects_created_idx` ON `projects` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `projects_warning_idx` ON `projects` (`warning`,`due_on`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`offering_org_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`kind` text NOT NULL,
	`category_id` text NOT NULL,
	`capacity` integer NOT NULL,
	`unit` text NOT NULL,
	`allocated_qty` integer DEFAULT 0 NOT NULL,
	`street_code` text,
	`community_code` text,
	`grid_name` text,
	`address` text,
	`lat` real,
	`lng` real,
	`scope` text NOT NULL,
	`radius_m` integer,
	`available_from` text,
	`available_to` text,
	`contact_name` text,
	`contact_phone` text,
	`status` text DEFAULT 'available' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "resources_capacity_positive" CHECK("resources"."capacity" > 0),
	CONSTRAINT "resources_allocated_within" CHECK("resources"."allocated_qty" >= 0 AND "resources"."allocated_qty" <= "resources"."capacity"),
	CONSTRAINT "resources_radius_nonneg" CHECK("resources"."radius_m" IS NULL OR "resources"."radius_m" >= 0)
);
--> statement-breakpoint
CREATE INDEX `resources_alliance_status_idx` ON `resources` (`alliance_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `resources_status_created_idx` ON `resources` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `resources_created_idx` ON `resources` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `resources_org_idx` ON `resources` (`offering_org_id`,`status`);--> statement-breakpoint
CREATE INDEX `resources_category_idx` ON `resources` (`category_id`,`status`);