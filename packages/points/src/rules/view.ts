import type { PointRule, PointRuleView } from '@ronghe/schema';

export function ruleView(r: PointRule): PointRuleView {
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    name: r.name,
    source: r.source,
    pointsPerUnit: r.pointsPerUnit,
    capPeriod: r.capPeriod,
    capPoints: r.capPoints,
    awardRoles: r.awardRoles,
    reasonRequired: r.reasonRequired,
    enabled: r.enabled,
    validFrom: r.validFrom,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}
