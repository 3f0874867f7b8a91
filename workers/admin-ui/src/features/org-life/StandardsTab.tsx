import { Button, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ORG_LIFE_KIND_LABELS, ORG_LIFE_PERIOD_LABELS, ORG_LIFE_PERIODS } from '@ronghe/schema/enums';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { orgLifeApi, type StandardRow } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/** 标准频次: the county's frequencies for a year (the branch work regulations' defaults until set). */
export function StandardsTab({ year }: { year: number }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const canEdit = !tenant.readOnly && tenant.actions.includes('org_life.standard');
  const [rows, setRows] = useState<StandardRow[]>([]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  const load = useCallback(async () => {
    try {
      setRows((await orgLifeApi.standards(tenant.slug, year)).items);
    } catch (err) {
      setProblem(problemText(err));
    }
  }, [tenant.slug, year]);
  useEffect(() => void load(), [load]);

  const set = (kind: string, patch: Partial<StandardRow>) => setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      setRows((await orgLifeApi.setStandards(tenant.slug, { year, items: rows.map(({ kind, period, times }) => ({ kind, period, times })) })).items);
      message.success('已保存');
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{year} 年度的标准只影响该年度的达标计算；未设定的类型按党支部工作条例的默认频次。</Typography.Paragraph>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Table rowKey="kind" size="small" pagination={false} dataSource={rows} scroll={{ x: 500 }}
        columns={[
          { title: '类型', dataIndex: 'kind', render: (k: StandardRow['kind']) => ORG_LIFE_KIND_LABELS[k] },
          { title: '频次', dataIndex: 'period', render: (p: StandardRow['period'], r) => (canEdit ? <Select style={{ width: 120 }} value={p} onChange={(v) => set(r.kind, { period: v })} options={ORG_LIFE_PERIODS.map((x) => ({ value: x, label: ORG_LIFE_PERIOD_LABELS[x] }))} /> : ORG_LIFE_PERIOD_LABELS[p]) },
          { title: '每期次数', dataIndex: 'times', render: (n: number, r) => (canEdit ? <InputNumber min={1} max={31} value={n} onChange={(v) => set(r.kind, { times: v ?? 1 })} /> : n) },
          { title: '来源', dataIndex: 'isDefault', render: (d: boolean) => (d ? <Tag>默认</Tag> : <Tag color="blue">本县设定</Tag>) },
        ]} />
      {canEdit && <Button type="primary" style={{ marginTop: 12 }} loading={saving} onClick={() => void save()}>保存 {year} 年度标准</Button>}
    </>
  );
}
