import { Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../lib/time.ts';
import { FIELD_LABELS } from '../../shared/orgLabels.ts';

interface Props {
  before: unknown;
  after: unknown;
}

const TIME_FIELDS = new Set(['createdAt', 'updatedAt', 'deactivatedAt', 'at', 'expiresAt']);

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

function show(field: string, v: unknown): string {
  if (v === undefined) return '（未记录）';
  if (v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && TIME_FIELDS.has(field)) return formatTime(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function AuditDiff({ before, after }: Props) {
  const [mode, setMode] = useState<'changed' | 'all' | 'json'>('changed');
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const rows = keys.map((k) => {
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
            { value: 'json', label: '原始 JSON' },
          ]}
        />
      </Space>
      {mode === 'json' ? (
        <Space align="start" style={{ width: '100%' }} styles={{ item: { flex: 1, minWidth: 0 } }}>
          <div>
            <Typography.Text strong>修改前</Typography.Text>
            <pre className="json-block">{b ? JSON.stringify(b, null, 2) : '（无）'}</pre>
          </div>
          <div>
            <Typography.Text strong>修改后</Typography.Text>
            <pre className="json-block">{a ? JSON.stringify(a, null, 2) : '（无）'}</pre>
          </div>
        </Space>
      ) : (
        <Table
          size="small"
          pagination={false}
          dataSource={shown}
          rowClassName={(r) => (r.changed && mode === 'all' ? 'diff-changed' : '')}
          locale={{ emptyText: '没有字段变化' }}
          columns={[
            {
              title: '字段',
              dataIndex: 'field',
              width: 180,
              render: (f: string) => (FIELD_LABELS[f] ? `${FIELD_LABELS[f]}（${f}）` : f),
            },
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
      )}
    </Space>
  );
}
