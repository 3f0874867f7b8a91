ALTER TABLE `alliance_members` ADD `liaison_person_id` text;--> statement-breakpoint
ALTER TABLE `people` ADD `left_on` text;--> statement-breakpoint
ALTER TABLE `people` ADD `left_reason` text;