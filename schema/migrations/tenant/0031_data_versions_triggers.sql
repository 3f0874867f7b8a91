-- Change counts for what a need's suggestions read (ADR 0034). Triggers, not application code, so that every
-- write path (forms, imports, matching, projects, seeds, a hand-run statement) moves them in its own statement.
-- Each database starts at a random count below 2^52 (exact in a JS number): a test's fresh database or a restored
-- copy behind the same tenant slug does not meet an isolate's cached count by chance.
INSERT INTO `data_versions` (`name`, `version`) VALUES ('resources', abs(random() % 4503599627370496)), ('list_categories', abs(random() % 4503599627370496));
--> statement-breakpoint
CREATE TRIGGER `resources_version_insert` AFTER INSERT ON `resources`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'resources';
END;
--> statement-breakpoint
CREATE TRIGGER `resources_version_update` AFTER UPDATE ON `resources`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'resources';
END;
--> statement-breakpoint
CREATE TRIGGER `resources_version_delete` AFTER DELETE ON `resources`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'resources';
END;
--> statement-breakpoint
CREATE TRIGGER `list_categories_version_insert` AFTER INSERT ON `list_categories`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'list_categories';
END;
--> statement-breakpoint
CREATE TRIGGER `list_categories_version_update` AFTER UPDATE ON `list_categories`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'list_categories';
END;
--> statement-breakpoint
CREATE TRIGGER `list_categories_version_delete` AFTER DELETE ON `list_categories`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'list_categories';
END;
