DROP INDEX `api_keys_tenant_idx`;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `api_keys_created_idx` ON `api_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `api_keys` DROP COLUMN `tenant`;