import { Text } from '../light/Typography.tsx';

interface Props {
  quantity: number;
  committed: number;
  inDelivery: number;
  fulfilled: number;
  unit: string;
  /** Full width with a legend (the detail drawer) instead of the compact table cell. */
  detailed?: boolean;
}

export const QUANTITY_COLORS = { fulfilled: '#52c41a', inDelivery: '#1677ff', committed: '#faad14', rest: '#f0f0f0' } as const;

/**
 * A need's quantities as one stacked bar: 已满足, 实施中 and 已承诺 are kept apart
 * (Sahana Eden style), the rest is still open.
 */
export function QuantityBar({ quantity, committed, inDelivery, fulfilled, unit, detailed }: Props) {
  const total = Math.max(quantity, 1);
  const parts = [
    { key: 'fulfilled', label: '已满足', value: fulfilled, color: QUANTITY_COLORS.fulfilled },
    { key: 'inDelivery', label: '实施中', value: inDelivery, color: QUANTITY_COLORS.inDelivery },
    { key: 'committed', label: '已承诺', value: committed, color: QUANTITY_COLORS.committed },
  ];
  const open = Math.max(quantity - committed - inDelivery - fulfilled, 0);
  const text = `已承诺 ${committed} / 实施中 ${inDelivery} / 已满足 ${fulfilled} / 共 ${quantity} ${unit}`;
  const bar = (
    <div
      role="img"
      aria-label={text}
      data-testid="quantity-bar"
      style={{ display: 'flex', height: detailed ? 14 : 8, borderRadius: 4, overflow: 'hidden', background: QUANTITY_COLORS.rest, width: '100%' }}
    >
      {parts.map((p) => (p.value > 0 ? <div key={p.key} style={{ width: `${(p.value / total) * 100}%`, background: p.color }} /> : null))}
    </div>
  );
  if (!detailed) {
    return (
      // The breakdown on hover as a plain title: the bar sits in 需求清单's rows, which draw without antd (src/light/).
      <div style={{ minWidth: 120 }} title={text}>
        {bar}
        <Text type="secondary" style={{ fontSize: 12 }}>
          {fulfilled + inDelivery + committed} / {quantity} {unit}
        </Text>
      </div>
    );
  }
  return (
    <div>
      {bar}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 6, fontSize: 12 }}>
        {[...parts, { key: 'open', label: '待对接', value: open, color: QUANTITY_COLORS.rest }].map((p) => (
          <span key={p.key}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: p.color, marginRight: 4, border: '1px solid #d9d9d9' }} />
            {p.label} {p.value}
          </span>
        ))}
        <span>
          共 {quantity} {unit}
        </span>
      </div>
    </div>
  );
}
