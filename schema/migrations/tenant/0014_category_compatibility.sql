-- Issue 10 §2: the default category compatibility table, written so a social
-- worker would sign it off. A resource always serves its own category; also_serves
-- lists the OTHER need categories a resource of this category can meet.
-- Rules that shaped it:
--   * 助餐 and 助浴 are different care: a canteen or a meal run does not bathe
--     anyone. They get their own categories (养老服务 stays for visits, home
--     adaptations and other elderly care) and nothing serves them but themselves.
--   * A compatibility is only kept where the resource does the need's work by
--     itself; units must still match (a need in 元 is met only by a resource in 元).
-- Only counties still on the old defaults are changed: a county that edited a
-- row keeps its own choice. New categories are skipped when the county already
-- has one of that name.
-- Kept as they were: 技术培训 → 就业创业, 产业发展 (skills training is what those
-- needs ask for); 物业管理 → 环境整治 (红色物业 cleans its estates); 资金 → 助学助困,
-- 产业发展, 就业创业 (money meets needs counted in 元).
INSERT OR IGNORE INTO `list_categories` (`id`, `name`, `also_serves`, `sort_order`, `active`, `version`, `created_at`, `updated_at`) VALUES
  ('cat_meal', '助餐服务', '[]', 22, 1, 1, 1767196800000, 1767196800000),
  ('cat_bath', '助浴服务', '[]', 24, 1, 1, 1767196800000, 1767196800000);
--> statement-breakpoint
-- 医疗健康 no longer serves 养老服务: an 义诊 or a family doctor does not make
-- home visits to lonely elders or adapt their homes (health needs of the elderly
-- are raised as 医疗健康).
UPDATE `list_categories` SET `also_serves` = '[]', `version` = `version` + 1 WHERE `id` = 'cat_health' AND `also_serves` = '["cat_elderly"]';
--> statement-breakpoint
-- 产业发展 no longer serves 就业创业: buying harvests or ploughing for farmers is
-- not a job for a person looking for one (jobs are offered as 就业创业).
UPDATE `list_categories` SET `also_serves` = '[]', `version` = `version` + 1 WHERE `id` = 'cat_industry' AND `also_serves` = '["cat_employment"]';
--> statement-breakpoint
-- 场地 keeps 文化活动 and 技术培训 (a room is what those need) but no longer serves
-- 养老服务: a room alone delivers no care.
UPDATE `list_categories` SET `also_serves` = '["cat_culture","cat_training"]', `version` = `version` + 1 WHERE `id` = 'cat_venue' AND `also_serves` = '["cat_culture","cat_training","cat_elderly"]';
