ALTER TABLE `organizations` ADD `quality_year` integer;--> statement-breakpoint
ALTER TABLE `organizations` ADD `quality_designated_by` text;