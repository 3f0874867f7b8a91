DROP INDEX `organizations_status_name_idx`;--> statement-breakpoint
ALTER TABLE `organizations` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `quality_year` integer;--> statement-breakpoint
ALTER TABLE `organizations` ADD `quality_designated_by` text;--> statement-breakpoint
CREATE INDEX `organizations_status_sort_idx` ON `organizations` (`status`,`sort_key`,`id`);--> statement-breakpoint
DROP INDEX `alliances_name_idx`;--> statement-breakpoint
DROP INDEX `alliances_status_name_idx`;--> statement-breakpoint
ALTER TABLE `alliances` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `alliances_sort_idx` ON `alliances` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `alliances_status_sort_idx` ON `alliances` (`status`,`sort_key`,`id`);--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_key` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_sha256` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_size` integer;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_type` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_name` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_at` integer;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_by` text;--> statement-breakpoint
ALTER TABLE `alliance_members` ADD `liaison_party_member` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `allocations` ADD `delivered_qty` integer;