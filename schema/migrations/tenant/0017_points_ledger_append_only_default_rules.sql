-- Points (issue 11): what drizzle cannot declare.
-- The ledger and the rule versions are records: corrections are compensating
-- entries, rule changes are new versions; no UPDATE, no DELETE, ever
-- (listed in test/repo/hand-written-schema.ts).
CREATE TRIGGER point_entries_no_update BEFORE UPDATE ON point_entries
          BEGIN SELECT RAISE(ABORT, 'point_entries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER point_entries_no_delete BEFORE DELETE ON point_entries
          BEGIN SELECT RAISE(ABORT, 'point_entries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER point_rules_no_update BEFORE UPDATE ON point_rules
          BEGIN SELECT RAISE(ABORT, 'point_rules is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER point_rules_no_delete BEFORE DELETE ON point_rules
          BEGIN SELECT RAISE(ABORT, 'point_rules is append-only'); END;
--> statement-breakpoint
-- Every county's default rules, version 1 (packages/points/src/rules/defaults.ts; a node test compares).
INSERT OR IGNORE INTO point_rules (id, code, version, name, source, points_per_unit, cap_period, cap_points, award_roles, reason_required, enabled, valid_from, created_by, created_at) VALUES
  ('ptr_default_org_life', 'org_life', 1, '参加组织生活（三会一课、主题党日等）', 'org_life', 2, 'month', 10, '["county_admin","org_liaison"]', 1, 1, 0, 'system', 0),
  ('ptr_default_study', 'study', 1, '政治学习', 'study', 1, 'month', 5, '["county_admin","org_liaison"]', 1, 1, 0, 'system', 0),
  ('ptr_default_service_hour', 'service_hour', 1, '志愿服务（每满1小时）', 'service_hour', 1, 'month', 20, '["county_admin"]', 1, 1, 0, 'system', 0),
  ('ptr_default_post_duty', 'post_duty', 1, '报到领岗', 'post_duty', 5, 'year', 10, '["county_admin"]', 1, 1, 0, 'system', 0),
  ('ptr_default_activity_attendance', 'activity_attendance', 1, '参加联合体活动', 'activity_attendance', 2, 'month', 10, '["county_admin"]', 1, 1, 0, 'system', 0),
  ('ptr_default_project_contribution', 'project_contribution', 1, '参与项目攻坚', 'project_contribution', 5, 'year', 20, '["county_admin","org_liaison"]', 1, 1, 0, 'system', 0),
  ('ptr_default_report_participation', 'report_participation', 1, '双报到社区服务（每满1小时）', 'report_participation', 1, 'month', 10, '["county_admin"]', 1, 1, 0, 'system', 0),
  ('ptr_default_manual', 'manual', 1, '其他作用发挥', 'manual', 1, NULL, NULL, '["county_admin"]', 1, 1, 0, 'system', 0);
