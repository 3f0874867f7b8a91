CREATE TABLE `api_key_usage` (
	`key_id` text NOT NULL,
	`day` text NOT NULL,
	`tenant` text NOT NULL,
	`calls` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	PRIMARY KEY(`key_id`, `day`)
);
