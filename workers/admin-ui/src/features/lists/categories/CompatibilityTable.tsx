import { Button, Card, Checkbox, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, errorText } from '../../../api/client.ts';
import { categoryApi, type CategoryView } from '../../../api/list-endpoints.ts';
import { STALE_TEXT } from '../../../lib/problems.ts';
import { useTenant } from '../../../tenant.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';

/**
 * Why the default table says what it says (migration 0012, issue 10 §2), for
 * the pairs a reader might question. Keyed `resource>need`.
 */
const NOTES: Record<string, string> = {
  'cat_training>cat_employment': '技能培训正是就业创业需求要的帮助',
  'cat_training>cat_industry': '农技、经营培训服务产业发展',
  'cat_property>cat_environment': '红色物业承担小区环境整治',
  'cat_funds>cat_education': '资金按“元”满足助学助困需求（单位须一致）',
  'cat_funds>cat_industry': '资金按“元”满足产业发展需求（单位须一致）',
  'cat_funds>cat_employment': '资金按“元”满足就业创业需求（单位须一致）',
  'cat_venue>cat_culture': '文化活动需要的正是场地',
  'cat_venue>cat_training': '培训需要教室',
};
/** Pairs the defaults deliberately leave out, so nobody adds them back without thinking. */
const NOT_BY_DEFAULT = [
  '助浴服务只由助浴服务满足：送餐、食堂助餐、探访都不能替代助浴',
  '助餐服务只由助餐服务满足：场地本身不供餐',
  '医疗健康不替代养老服务：义诊、家庭医生不做入户探访或适老化改造',
  '产业发展不替代就业创业：订单收购、代耕不是给求职者的岗位',
];

type Draft = Record<string, string[]>;

/** 类别兼容表: which resource category (row) may also meet which need category (column); the county administrator reviews and edits it. */
export function CompatibilityTable({ items, onSaved }: { items: readonly CategoryView[]; onSaved(): void }) {
  const { message } = useFeedback();
  const { tenant } = useTenant();
  const active = useMemo(() => items.filter((c) => c.active), [items]);
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(Object.fromEntries(items.map((c) => [c.id, [...c.alsoServes]]))), [items]);

  const changed = items.filter((c) => draft[c.id] && [...draft[c.id]!].sort().join() !== [...c.alsoServes].sort().join());
  const toggle = (res: string, need: string, on: boolean) =>
    setDraft((d) => ({ ...d, [res]: on ? [...(d[res] ?? []), need] : (d[res] ?? []).filter((x) => x !== need) }));

  const save = async () => {
    setSaving(true);
    try {
      for (const c of changed) await categoryApi.update(tenant.slug, c.id, c.version, { alsoServes: draft[c.id]! });
      message.success(`已保存 ${changed.length} 个类别的兼容设置`);
    } catch (err) {
      message.error(err instanceof ApiError && err.status === 412 ? STALE_TEXT : errorText(err));
    } finally {
      setSaving(false);
      onSaved();
    }
  };

  const columns: ColumnsType<CategoryView> = [
    { title: '资源类别 ＼ 需求类别', dataIndex: 'name', fixed: 'left', width: 150, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    ...active.map((need) => ({
      title: need.name,
      key: need.id,
      width: 84,
      align: 'center' as const,
      render: (_: unknown, res: CategoryView) => {
        if (res.id === need.id) return <Typography.Text type="secondary">同类</Typography.Text>;
        const on = (draft[res.id] ?? []).includes(need.id);
        const box = <Checkbox checked={on} aria-label={`${res.name}可满足${need.name}`} onChange={(e) => toggle(res.id, need.id, e.target.checked)} />;
        const note = NOTES[`${res.id}>${need.id}`];
        return note && on ? <Tooltip title={note}>{box}</Tooltip> : box;
      },
    })),
  ];

  return (
    <Card
      size="small"
      title="类别兼容表"
      style={{ marginTop: 16 }}
      extra={
        <Space>
          {changed.length > 0 && <Typography.Text type="warning">{changed.length} 个类别有未保存的修改</Typography.Text>}
          <Button onClick={() => setDraft(Object.fromEntries(items.map((c) => [c.id, [...c.alsoServes]])))} disabled={!changed.length || saving}>
            撤销修改
          </Button>
          <Button type="primary" loading={saving} disabled={!changed.length} onClick={() => void save()} data-testid="save-compatibility">
            保存修改
          </Button>
        </Space>
      }
      data-testid="compatibility-table"
    >
      <Typography.Paragraph type="secondary">
        每一行是资源的类别，每一列是需求的类别：勾选表示该类资源也可以满足该类需求（计量单位仍须相同）。对接推荐会写明“同类”或“兼容类别 X 可满足 Y”。把鼠标移到已勾选的格子上可看到默认设置的理由。
      </Typography.Paragraph>
      <Table<CategoryView> rowKey="id" size="small" pagination={false} dataSource={active} columns={columns} scroll={{ x: 150 + active.length * 84 }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        默认不勾选的：
        <ul style={{ margin: '4px 0 0' }}>
          {NOT_BY_DEFAULT.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </Typography.Paragraph>
    </Card>
  );
}
