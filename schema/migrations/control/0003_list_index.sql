DROP INDEX `organizations_name_idx`;--> statement-breakpoint
CREATE INDEX `organizations_status_name_idx` ON `organizations` (`status`,`name`,`id`);