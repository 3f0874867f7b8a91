import { Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../lib/time.ts';
import { useSession } from '../../session.tsx';
import { describeValue, holdsOnlyIds } from './describe.ts';
import { fieldLabel } from './labels.ts';

interface Props {
  entityType: string;
  before: unknown;
  after: unknown;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    // Audit rows written as JSON text by older code paths still read as objects.
    try {
      return asRecord(JSON.parse(v));
    } catch {
      return { value: v };
    }
  }
  return typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
}

export function AuditDiff({ entityType, before, after }: Props) {
  const { tenants } = useSession();
  const [mode, setMode] = useState<'changed' | 'all'>('changed');
  const b = asRecord(before);
  const a = asRecord(after);
  const options = {
    entityType,
    time: formatTime,
    tenantName: (slug: string) => tenants.find((t) => t.slug === slug)?.name ?? '（旗县区）',
  };
  const show = (field: string, v: unknown) => describeValue(field, v, options);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const rows = keys
    // Internal references (ids) mean nothing to a reader; the names recorded beside them say the same.
    .filter((k) => !holdsOnlyIds(k, b?.[k] ?? a?.[k]))
    .map((k) => {
      const bv = b?.[k];
      const av = a?.[k];
      // A field recorded on only one side of an update (a derived value such as
      // parentName) is a difference in what was logged, not a change of data.
      const oneSided = Boolean(b && a) && (!(k in b!) || !(k in a!));
      return { key: k, field: k, before: bv, after: av, changed: !oneSided && JSON.stringify(bv) !== JSON.stringify(av) };
    });
  const shown = mode === 'all' ? rows : rows.filter((r) => r.changed);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="audit-diff">
      <Space>
        <Typography.Text type="secondary">
          {b && a ? `修改前后对比（${rows.filter((r) => r.changed).length} 个字段有变化）` : b ? '删除/停用前的数据' : '新建后的数据'}
        </Typography.Text>
        <Segmented
          size="small"
          value={mode}
          onChange={(v) => setMode(v as typeof mode)}
          options={[
            { value: 'changed', label: '仅看变化' },
            { value: 'all', label: '全部字段' },
          ]}
        />
      </Space>
      <Table
        size="small"
        pagination={false}
        dataSource={shown}
        rowClassName={(r) => (r.changed && mode === 'all' ? 'diff-changed' : '')}
        locale={{ emptyText: '没有字段变化' }}
        columns={[
          { title: '字段', dataIndex: 'field', width: 180, render: (f: string) => fieldLabel(f) },
          {
            title: '修改前',
            dataIndex: 'before',
            render: (v: unknown, r) =>
              r.changed ? <Typography.Text delete type="secondary">{show(r.field, v)}</Typography.Text> : show(r.field, v),
          },
          {
            title: '修改后',
            dataIndex: 'after',
            render: (v: unknown, r) => (r.changed ? <Typography.Text strong>{show(r.field, v)}</Typography.Text> : show(r.field, v)),
          },
        ]}
      />
    </Space>
  );
}
