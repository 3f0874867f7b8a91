import { Space, Tag, Tooltip } from 'antd';
import type { MatchFactor } from '../../../api/list-endpoints.ts';

export const FACTOR_NAMES: Record<MatchFactor['factor'], string> = {
  locality: '地域',
  distance: '距离',
  deadline: '时限',
  alliance: '联合体',
  load: '单位负荷',
};

const FACTOR_HINTS: Record<MatchFactor['factor'], string> = {
  locality: '资源与需求所在区划的远近（网格 ⊂ 社区 ⊂ 街道 ⊂ 旗县区）',
  distance: '按经纬度计算的距离',
  deadline: '资源可用期与需求截止日之间的余量',
  alliance: '优先使用本联合体成员的资源',
  load: '提供单位已承担的对接量',
};

/** Cost 0 reads as an advantage, small costs as neutral, large ones as a drawback. */
function colorOf(cost: number, max: number): string {
  if (cost <= 0) return 'green';
  if (cost < max * 0.5) return 'gold';
  return 'orange';
}

/** A match's cost explained factor by factor: the Chinese label, the cost on hover. */
export function FactorTags({ factors, total }: { factors: readonly MatchFactor[]; total?: number }) {
  const max = Math.max(1, ...factors.map((f) => f.cost));
  return (
    <Space size={[4, 4]} wrap data-testid="match-factors">
      {factors.map((f) => (
        <Tooltip key={f.factor} title={`${FACTOR_NAMES[f.factor]}：${f.label}，代价 ${f.cost}。${FACTOR_HINTS[f.factor]}`}>
          <Tag color={colorOf(f.cost, max)} style={{ marginInlineEnd: 0 }}>
            {FACTOR_NAMES[f.factor]}·{f.label}
            {f.cost > 0 && <span style={{ opacity: 0.7 }}> +{f.cost}</span>}
          </Tag>
        </Tooltip>
      ))}
      {total !== undefined && (
        <Tooltip title="各因素代价之和，越小越优">
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
            合计 {total}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
