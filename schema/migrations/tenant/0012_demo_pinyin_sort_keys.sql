DROP INDEX `organizations_status_name_idx`;--> statement-breakpoint
ALTER TABLE `organizations` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_status_sort_idx` ON `organizations` (`status`,`sort_key`,`id`);--> statement-breakpoint
DROP INDEX `alliances_name_idx`;--> statement-breakpoint
DROP INDEX `alliances_status_name_idx`;--> statement-breakpoint
ALTER TABLE `alliances` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `alliances_sort_idx` ON `alliances` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `alliances_status_sort_idx` ON `alliances` (`status`,`sort_key`,`id`);