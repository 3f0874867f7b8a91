CREATE TABLE `alliance_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_by_id` text NOT NULL,
	`proposed_by_name` text NOT NULL,
	`proposed_at` integer NOT NULL,
	`decided_by_id` text,
	`decided_by_name` text,
	`decided_at` integer,
	`decided_on` text,
	`decision_note` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alliance_adjustments_alliance_idx` ON `alliance_adjustments` (`alliance_id`,`status`);--> statement-breakpoint
CREATE TABLE `alliance_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`doc_date` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`signer_name` text,
	`signer_org_id` text,
	`year` integer,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alliance_documents_alliance_idx` ON `alliance_documents` (`alliance_id`,`kind`);--> statement-breakpoint
CREATE TABLE `alliance_events` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`on_date` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`reason` text,
	`document_id` text,
	`adjustment_id` text
);
--> statement-breakpoint
CREATE INDEX `alliance_events_alliance_idx` ON `alliance_events` (`alliance_id`,`id`);--> statement-breakpoint
CREATE TABLE `alliance_governance_seats` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`layer` text NOT NULL,
	`post` text NOT NULL,
	`person_name` text NOT NULL,
	`org_id` text,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alliance_governance_alliance_idx` ON `alliance_governance_seats` (`alliance_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `alliance_members` (
	`id` text PRIMARY KEY NOT NULL,
	`alliance_id` text NOT NULL,
	`org_id` text NOT NULL,
	`role` text NOT NULL,
	`consortium_role` text,
	`contribution_bp` integer DEFAULT 0 NOT NULL,
	`liaison_name` text,
	`liaison_phone` text,
	`joined_on` text,
	`left_on` text,
	`leave_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "alliance_members_contribution_range" CHECK("alliance_members"."contribution_bp" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alliance_members_current_uq` ON `alliance_members` (`alliance_id`,`org_id`) WHERE left_on IS NULL;--> statement-breakpoint
CREATE INDEX `alliance_members_alliance_idx` ON `alliance_members` (`alliance_id`,`role`);--> statement-breakpoint
CREATE INDEX `alliance_members_org_idx` ON `alliance_members` (`org_id`);--> statement-breakpoint
CREATE TABLE `alliances` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`type_note` text,
	`model` text NOT NULL,
	`pairing_form` text NOT NULL,
	`vision` text NOT NULL,
	`common_needs` text NOT NULL,
	`lead_org_id` text NOT NULL,
	`committee_org_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`house_rules` text DEFAULT '[]' NOT NULL,
	`consortium` text,
	`applied_on` text,
	`approved_on` text,
	`founded_on` text,
	`started_on` text,
	`dissolved_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alliances_name_idx` ON `alliances` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `alliances_status_name_idx` ON `alliances` (`status`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `alliances_lead_idx` ON `alliances` (`lead_org_id`);--> statement-breakpoint
CREATE INDEX `alliances_committee_idx` ON `alliances` (`committee_org_id`,`name`);--> statement-breakpoint
CREATE TABLE `filings` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`alliance_id` text NOT NULL,
	`alliance_name` text NOT NULL,
	`committee_name` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`document_id` text,
	`filed_on` text NOT NULL,
	`filed_at` integer NOT NULL,
	`filed_by_id` text NOT NULL,
	`filed_by_name` text NOT NULL,
	`county_state` text DEFAULT 'unread' NOT NULL,
	`county_ack_at` integer,
	`county_ack_by` text,
	`city_state` text DEFAULT 'unread' NOT NULL,
	`city_ack_at` integer,
	`city_ack_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `filings_county_state_idx` ON `filings` (`county_state`,`id`);--> statement-breakpoint
CREATE INDEX `filings_city_state_idx` ON `filings` (`city_state`,`id`);--> statement-breakpoint
CREATE INDEX `filings_alliance_idx` ON `filings` (`alliance_id`,`id`);--> statement-breakpoint
CREATE TABLE `red_district_items` (
	`district_id` text NOT NULL,
	`item_type` text NOT NULL,
	`item_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`district_id`, `item_type`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `red_district_items_item_idx` ON `red_district_items` (`item_type`,`item_id`);--> statement-breakpoint
CREATE TABLE `red_districts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `red_districts_name_idx` ON `red_districts` (`status`,`name`);--> statement-breakpoint
CREATE TABLE `red_route_stops` (
	`route_id` text NOT NULL,
	`position` integer NOT NULL,
	`alliance_id` text NOT NULL,
	PRIMARY KEY(`route_id`, `position`)
);
--> statement-breakpoint
CREATE INDEX `red_route_stops_alliance_idx` ON `red_route_stops` (`alliance_id`);--> statement-breakpoint
CREATE TABLE `red_routes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`theme` text NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `red_routes_name_idx` ON `red_routes` (`status`,`name`);