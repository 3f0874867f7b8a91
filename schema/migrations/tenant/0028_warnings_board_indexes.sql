DROP INDEX `needs_status_deadline_idx`;--> statement-breakpoint
CREATE INDEX `needs_overdue_idx` ON `needs` (`status`,`deadline`,`alliance_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `projects_open_warning_idx` ON `projects` (`status`,`warning`,`alliance_id`);