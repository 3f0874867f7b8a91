ALTER TABLE `reward_allocations` ADD `recipient_tenant` text;--> statement-breakpoint
CREATE INDEX `reward_allocations_tenant_idx` ON `reward_allocations` (`recipient_tenant`,`round_id`);--> statement-breakpoint
ALTER TABLE `reward_disbursements` ADD `recipient_tenant` text;--> statement-breakpoint
ALTER TABLE `reward_rounds` ADD `matching` text;--> statement-breakpoint
ALTER TABLE `reward_rounds` ADD `matched` text;