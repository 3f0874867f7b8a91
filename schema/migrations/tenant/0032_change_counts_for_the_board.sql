-- Change counts for what the 督办预警 board keeps per isolate (ADR 0034), as 0031 did for resources and categories:
-- one row per table, starting at a random count below 2^52, moved by triggers in the statement that makes a change.
INSERT INTO `data_versions` (`name`, `version`) VALUES ('alliances', abs(random() % 4503599627370496)), ('needs', abs(random() % 4503599627370496)), ('organizations', abs(random() % 4503599627370496)), ('project_claims', abs(random() % 4503599627370496)), ('projects', abs(random() % 4503599627370496));
--> statement-breakpoint
CREATE TRIGGER `alliances_version_insert` AFTER INSERT ON `alliances`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'alliances';
END;
--> statement-breakpoint
CREATE TRIGGER `alliances_version_update` AFTER UPDATE ON `alliances`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'alliances';
END;
--> statement-breakpoint
CREATE TRIGGER `alliances_version_delete` AFTER DELETE ON `alliances`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'alliances';
END;
--> statement-breakpoint
CREATE TRIGGER `needs_version_insert` AFTER INSERT ON `needs`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'needs';
END;
--> statement-breakpoint
CREATE TRIGGER `needs_version_update` AFTER UPDATE ON `needs`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'needs';
END;
--> statement-breakpoint
CREATE TRIGGER `needs_version_delete` AFTER DELETE ON `needs`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'needs';
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_version_insert` AFTER INSERT ON `organizations`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'organizations';
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_version_update` AFTER UPDATE ON `organizations`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'organizations';
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_version_delete` AFTER DELETE ON `organizations`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'organizations';
END;
--> statement-breakpoint
CREATE TRIGGER `project_claims_version_insert` AFTER INSERT ON `project_claims`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'project_claims';
END;
--> statement-breakpoint
CREATE TRIGGER `project_claims_version_update` AFTER UPDATE ON `project_claims`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'project_claims';
END;
--> statement-breakpoint
CREATE TRIGGER `project_claims_version_delete` AFTER DELETE ON `project_claims`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'project_claims';
END;
--> statement-breakpoint
CREATE TRIGGER `projects_version_insert` AFTER INSERT ON `projects`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'projects';
END;
--> statement-breakpoint
CREATE TRIGGER `projects_version_update` AFTER UPDATE ON `projects`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'projects';
END;
--> statement-breakpoint
CREATE TRIGGER `projects_version_delete` AFTER DELETE ON `projects`
BEGIN
  UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'projects';
END;
