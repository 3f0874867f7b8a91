import { Button, Card, Form, InputNumber, Modal, Select, Space, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, QUOTA_PERIOD_LABELS, QUOTA_PERIODS, QUOTA_STANDING_LABELS, QUOTA_STANDINGS } from '@ronghe/schema/enums';
import { errorText } from '../../api/client.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { activitiesApi, type CompliancePage as Page, type QuotaPlanView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const COLOR: Record<string, string> = { met: 'green', open: 'blue', at_risk: 'orange', behind: 'red' };
const thisYear = thisYearShanghai();

// Seed 000 9.2 五个一 and seed 003's variant, offered as starting points in the editor.
const PRESETS: Record<string, Array<{ kind: string; period: string; required: number }>> = {
  '“五个一”（默认）': ['joint_study', 'joint_visit', 'joint_theme_day', 'practical_matters', 'mutual_review'].map((kind) => ({ kind, period: 'year', required: 1 })),
  '成立大会、讲党课、每月走访、每季主题党日、每半年互查互评': [
    { kind: 'founding_rally', period: 'year', required: 1 },
    { kind: 'party_lesson', period: 'year', required: 1 },
    { kind: 'joint_visit', period: 'month', required: 1 },
    { kind: 'joint_theme_day', period: 'quarter', required: 1 },
    { kind: 'mutual_inspection', period: 'half', required: 1 },
  ],
};

/** 活动考核: every running alliance's quota standing for a year, behind first; the alliance edits its plan here. */
export default function CompliancePage() {
  const { tenant } = useTenant();
  const [year, setYear] = useState(thisYear);
  const [standing, setStanding] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [editing, setEditing] = useState<QuotaPlanView | null>(null);
  const { message } = useFeedback();

  const load = useCallback(() => {
    const ctl = new AbortController();
    activitiesApi.compliance(tenant.slug, { year, standing, page, limit: 20 }, ctl.signal).then(setData).catch(() => undefined);
    return () => ctl.abort();
  }, [tenant.slug, year, standing, page]);
  useEffect(load, [load]);

  return (
    <Card
      title="联合体活动考核完成情况"
      extra={
        <Button onClick={() => activitiesApi.exportCompliance(tenant.slug, { year, standing }).catch((e) => message.error(errorText(e)))}>导出 Excel</Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select value={year} onChange={(v) => (setYear(v), setPage(1))} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))} />
        <Select id="compliance-standing" aria-label="完成情况" allowClear placeholder="完成情况" style={{ minWidth: 140 }} value={standing} onChange={(v) => (setStanding(v), setPage(1))} options={QUOTA_STANDINGS.map((s) => ({ value: s, label: QUOTA_STANDING_LABELS[s] }))} />
      </Space>
      {data && (
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          {QUOTA_STANDINGS.map((s) => (
            <Statistic key={s} title={QUOTA_STANDING_LABELS[s]} value={data.counts[s]} suffix="个" />
          ))}
        </Space>
      )}
      <Table
        rowKey="allianceId"
        loading={!data}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 个联合体` }}
        columns={[
          { title: '党建联合体', dataIndex: 'allianceName' },
          { title: '总体', render: (_, v) => <Tag color={COLOR[v.standing]}>{v.standingLabel}</Tag> },
          {
            title: '考核项',
            render: (_, v) => (
              <Space wrap size={[4, 4]}>
                {v.rows.map((r) => (
                  <Tag key={r.kind} color={COLOR[r.standing]}>{`${r.kindLabel} ${r.periodLabel}${r.required}次：本期${r.heldInPeriod}次 ${r.standingLabel}`}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '计划', render: (_, v) => (v.isDefault ? '默认“五个一”' : '联合体自定') },
          {
            title: '',
            render: (_, v) => (
              <Button size="small" onClick={() => setEditing(v)}>
                调整计划
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <PlanModal
          plan={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Card>
  );
}

function PlanModal({ plan, onClose, onSaved }: { plan: QuotaPlanView; onClose: () => void; onSaved: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await activitiesApi.setPlan(tenant.slug, plan.allianceId, { year: plan.year, rows: v.rows });
      message.success('考核计划已保存');
      onSaved();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${plan.allianceName} ${plan.year} 年活动考核计划`} onCancel={onClose} onOk={submit} okText="保存" cancelText="取消" confirmLoading={saving} width={640}>
      <Space wrap style={{ marginBottom: 12 }}>
        {Object.entries(PRESETS).map(([label, rows]) => (
          <Button key={label} size="small" onClick={() => form.setFieldsValue({ rows })}>
            {label}
          </Button>
        ))}
      </Space>
      <Form form={form} initialValues={{ rows: plan.rows.map((r) => ({ kind: r.kind, period: r.period, required: r.required })) }}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择活动类型' }]}>
                    <Select style={{ width: 220 }} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'period']} rules={[{ required: true, message: '请选择频次' }]}>
                    <Select style={{ width: 110 }} options={QUOTA_PERIODS.map((p) => ({ value: p, label: QUOTA_PERIOD_LABELS[p] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} rules={[{ required: true, message: '请填写次数' }]}>
                    <InputNumber min={1} max={100} addonAfter="次" />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ kind: 'other', period: 'year', required: 1 })}>添加考核项</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
