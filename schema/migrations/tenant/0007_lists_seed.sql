-- The supervision thread is a record: notes are added, never rewritten.
CREATE TRIGGER `project_notes_no_update` BEFORE UPDATE ON `project_notes`
BEGIN
  SELECT RAISE(ABORT, 'project_notes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `project_notes_no_delete` BEFORE DELETE ON `project_notes`
BEGIN
  SELECT RAISE(ABORT, 'project_notes is append-only');
END;
--> statement-breakpoint
-- The default category taxonomy of every county (issue 4); each county may add its own.
-- also_serves: needs of those categories a resource of this category can also meet.
INSERT INTO `list_categories` (`id`, `name`, `also_serves`, `sort_order`, `active`, `version`, `created_at`, `updated_at`) VALUES
  ('cat_employment', '就业创业', '[]', 10, 1, 1, 1767196800000, 1767196800000),
  ('cat_elderly', '养老服务', '[]', 20, 1, 1, 1767196800000, 1767196800000),
  ('cat_education', '助学助困', '[]', 30, 1, 1, 1767196800000, 1767196800000),
  ('cat_health', '医疗健康', '["cat_elderly"]', 40, 1, 1, 1767196800000, 1767196800000),
  ('cat_environment', '环境整治', '[]', 50, 1, 1, 1767196800000, 1767196800000),
  ('cat_industry', '产业发展', '["cat_employment"]', 60, 1, 1, 1767196800000, 1767196800000),
  ('cat_training', '技术培训', '["cat_employment","cat_industry"]', 70, 1, 1, 1767196800000, 1767196800000),
  ('cat_legal', '法律服务', '[]', 80, 1, 1, 1767196800000, 1767196800000),
  ('cat_culture', '文化活动', '[]', 90, 1, 1, 1767196800000, 1767196800000),
  ('cat_property', '物业管理', '["cat_environment"]', 100, 1, 1, 1767196800000, 1767196800000),
  ('cat_funds', '资金', '["cat_education","cat_industry","cat_employment"]', 110, 1, 1, 1767196800000, 1767196800000),
  ('cat_venue', '场地', '["cat_culture","cat_training","cat_elderly"]', 120, 1, 1, 1767196800000, 1767196800000),
  ('cat_other', '其他', '[]', 130, 1, 1, 1767196800000, 1767196800000);
