CREATE INDEX `organizations_division_idx` ON `organizations` (`division_code`);--> statement-breakpoint
CREATE INDEX `needs_status_deadline_idx` ON `needs` (`status`,`deadline`);