-- Name search (ADR 0014): a trigram FTS5 index over each searched name or
-- title, so a search of any length finds substrings (D1 refuses LIKE patterns
-- over 50 bytes, i.e. 17 Chinese characters). External-content tables: the
-- text lives only in the base table; the index holds trigrams keyed by the
-- base row's rowid. Three triggers per table keep it in step inside the same
-- statement (hence the same D1 batch) as every insert, rename and delete;
-- 'rebuild' indexes the rows that exist already.
-- A later migration that rebuilds one of these tables (drizzle-kit's
-- __new_<table> copy) drops its triggers and renumbers its rowids: it must
-- recreate the triggers below and run 'rebuild' again (the drift check and
-- test/api/search-index.test.ts fail otherwise).
CREATE VIRTUAL TABLE `organizations_fts` USING fts5(name, content='organizations', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `organizations_fts_insert` AFTER INSERT ON `organizations` BEGIN
  INSERT INTO `organizations_fts` (rowid, name) VALUES (new.rowid, new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_fts_delete` AFTER DELETE ON `organizations` BEGIN
  INSERT INTO `organizations_fts` (`organizations_fts`, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_fts_update` AFTER UPDATE OF name ON `organizations` BEGIN
  INSERT INTO `organizations_fts` (`organizations_fts`, rowid, name) VALUES ('delete', old.rowid, old.name);
  INSERT INTO `organizations_fts` (rowid, name) VALUES (new.rowid, new.name);
END;
--> statement-breakpoint
INSERT INTO `organizations_fts` (`organizations_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `alliances_fts` USING fts5(name, content='alliances', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `alliances_fts_insert` AFTER INSERT ON `alliances` BEGIN
  INSERT INTO `alliances_fts` (rowid, name) VALUES (new.rowid, new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `alliances_fts_delete` AFTER DELETE ON `alliances` BEGIN
  INSERT INTO `alliances_fts` (`alliances_fts`, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
--> statement-breakpoint
CREATE TRIGGER `alliances_fts_update` AFTER UPDATE OF name ON `alliances` BEGIN
  INSERT INTO `alliances_fts` (`alliances_fts`, rowid, name) VALUES ('delete', old.rowid, old.name);
  INSERT INTO `alliances_fts` (rowid, name) VALUES (new.rowid, new.name);
END;
--> statement-breakpoint
INSERT INTO `alliances_fts` (`alliances_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `needs_fts` USING fts5(title, content='needs', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `needs_fts_insert` AFTER INSERT ON `needs` BEGIN
  INSERT INTO `needs_fts` (rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `needs_fts_delete` AFTER DELETE ON `needs` BEGIN
  INSERT INTO `needs_fts` (`needs_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `needs_fts_update` AFTER UPDATE OF title ON `needs` BEGIN
  INSERT INTO `needs_fts` (`needs_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO `needs_fts` (rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
INSERT INTO `needs_fts` (`needs_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `resources_fts` USING fts5(title, content='resources', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `resources_fts_insert` AFTER INSERT ON `resources` BEGIN
  INSERT INTO `resources_fts` (rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `resources_fts_delete` AFTER DELETE ON `resources` BEGIN
  INSERT INTO `resources_fts` (`resources_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `resources_fts_update` AFTER UPDATE OF title ON `resources` BEGIN
  INSERT INTO `resources_fts` (`resources_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO `resources_fts` (rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
INSERT INTO `resources_fts` (`resources_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `projects_fts` USING fts5(title, content='projects', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `projects_fts_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `projects_fts` (rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_delete` AFTER DELETE ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_update` AFTER UPDATE OF title ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO `projects_fts` (rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
INSERT INTO `projects_fts` (`projects_fts`) VALUES ('rebuild');
