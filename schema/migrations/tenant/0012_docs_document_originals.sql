ALTER TABLE `alliance_documents` ADD `original_key` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_sha256` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_size` integer;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_type` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_name` text;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_at` integer;--> statement-breakpoint
ALTER TABLE `alliance_documents` ADD `original_by` text;