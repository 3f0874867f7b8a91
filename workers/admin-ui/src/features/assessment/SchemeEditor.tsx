import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { INDICATOR_KIND_LABELS, INDICATOR_KINDS, INDICATOR_METRIC_LABELS, INDICATOR_METRICS, RATER_GROUP_LABELS, RATER_GROUPS } from '@ronghe/schema';
import { errorText } from '../../api/client.ts';
import { assessmentApi, type IndicatorDraft, type SchemeView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/**
 * 指标体系编辑: name, grade thresholds (分) and the indicators. The weight sum is
 * checked as one types (it must be 100 %); the server checks it again.
 */
export function SchemeEditor({ tenant, scheme, year, onClose, onSaved }: { tenant: string; scheme: SchemeView | null; year: number; onClose: () => void; onSaved: (s: SchemeView) => void }) {
  const { message } = useFeedback();
  const [name, setName] = useState(scheme?.name ?? `${year}年度党建联合体考核指标`);
  const [th, setTh] = useState(scheme?.thresholds ?? { excellent: 9000, good: 8000, fair: 6000 });
  const [rows, setRows] = useState<IndicatorDraft[]>(
    scheme?.indicators.map((i) => ({ name: i.name, criteria: i.criteria, kind: i.kind, metric: i.metric, raterGroup: i.raterGroup, weight: i.weight, maxScore: i.maxScore })) ?? [{ name: '', kind: 'scored', weight: 100, maxScore: 100 }],
  );
  const [saving, setSaving] = useState(false);
  useEffect(() => setName(scheme?.name ?? `${year}年度党建联合体考核指标`), [scheme, year]);
  const sum = rows.reduce((s, r) => s + (r.weight || 0), 0);
  const set = (n: number, patch: Partial<IndicatorDraft>) => setRows(rows.map((r, i) => (i === n ? { ...r, ...patch } : r)));

  const save = async () => {
    setSaving(true);
    try {
      const indicators = rows.map((r) => ({ ...r, metric: r.kind === 'computed' ? r.metric : null, raterGroup: r.kind === 'rated' ? r.raterGroup : null }));
      const s = scheme ? await assessmentApi.updateScheme(tenant, scheme.id, { name, thresholds: th, indicators }) : await assessmentApi.createScheme(tenant, { level: 'county', year, name, indicators });
      message.success('指标体系已保存');
      onSaved(s);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open width={1100} title={scheme ? '修改指标体系' : '新建指标体系'} onCancel={onClose} onOk={save} okText="保存" cancelText="取消" confirmLoading={saving} okButtonProps={{ disabled: sum !== 100 }}>
      <Form layout="vertical">
        <Form.Item label="名称" required>
          <Input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Space wrap>
          {(['excellent', 'good', 'fair'] as const).map((k) => (
            <Form.Item key={k} label={`${{ excellent: '优秀', good: '良好', fair: '一般' }[k]}（不低于，分）`}>
              <InputNumber min={0} max={100} step={0.5} value={th[k] / 100} onChange={(v) => setTh({ ...th, [k]: Math.round(Number(v ?? 0) * 100) })} disabled={!scheme} />
            </Form.Item>
          ))}
          <Typography.Text type="secondary">低于“一般”分数线为较差。</Typography.Text>
        </Space>
      </Form>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: '指标', render: (_, r, n) => <Input aria-label="指标名称" value={r.name} maxLength={60} onChange={(e) => set(n, { name: e.target.value })} style={{ minWidth: 160 }} /> },
          {
            title: '得分方式',
            render: (_, r, n) => <Select aria-label="得分方式" value={r.kind} style={{ width: 120 }} onChange={(v) => set(n, { kind: v })} options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))} />,
          },
          {
            title: '计算口径 / 评议主体',
            render: (_, r, n) =>
              r.kind === 'computed' ? (
                <Select aria-label="计算口径" value={r.metric ?? undefined} placeholder="请选择" style={{ width: 200 }} onChange={(v) => set(n, { metric: v })} options={INDICATOR_METRICS.map((m) => ({ value: m, label: INDICATOR_METRIC_LABELS[m] }))} />
              ) : r.kind === 'rated' ? (
                <Select aria-label="评议主体" value={r.raterGroup ?? undefined} placeholder="请选择" style={{ width: 200 }} onChange={(v) => set(n, { raterGroup: v })} options={RATER_GROUPS.map((g) => ({ value: g, label: RATER_GROUP_LABELS[g] }))} />
              ) : (
                '考核组评分'
              ),
          },
          { title: '权重（%）', render: (_, r, n) => <InputNumber aria-label="权重" min={1} max={100} value={r.weight} onChange={(v) => set(n, { weight: Number(v ?? 0) })} /> },
          { title: '满分', render: (_, r, n) => <InputNumber aria-label="满分" min={1} max={1000} value={r.maxScore} onChange={(v) => set(n, { maxScore: Number(v ?? 1) })} /> },
          { title: '评分标准', render: (_, r, n) => <Input aria-label="评分标准" value={r.criteria ?? ''} maxLength={500} onChange={(e) => set(n, { criteria: e.target.value })} style={{ minWidth: 200 }} /> },
          { title: '', render: (_, _r, n) => <Button type="link" danger disabled={rows.length <= 1} onClick={() => setRows(rows.filter((_, i) => i !== n))}>删除</Button> },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button onClick={() => setRows([...rows, { name: '', kind: 'scored', weight: 1, maxScore: 100 }])}>添加指标</Button>
        {sum === 100 ? <Alert type="success" showIcon title="权重合计 100%" /> : <Alert type="error" showIcon title={`权重合计 ${sum}%，须为 100%`} />}
      </Space>
    </Modal>
  );
}
