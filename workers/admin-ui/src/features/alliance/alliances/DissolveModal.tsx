import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Spin, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import type { OpenWork, SettlementInput, TransitionInput } from '../../../api/types.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { useOnOpen } from '../../../lib/useOnOpen.ts';

// 撤销 with its open work (ADR 0016): the committee sees every open project,
// need and resource, chooses one way for all, and may decide item by item.

type Kind = 'project' | 'need' | 'resource';
type Choice = 'default' | 'cancel' | 'release' | 'hand_over';
interface Row {
  key: string;
  kind: Kind;
  id: string;
  title: string;
  note: string;
}
const KIND_LABEL: Record<Kind, string> = { project: '项目', need: '需求', resource: '资源' };
const END_LABEL: Record<Kind, string> = { project: '取消项目', need: '关闭需求', resource: '释放资源' };

interface Props {
  open: boolean;
  tenant: string;
  allianceId: string;
  allianceName: string;
  onRun(body: TransitionInput): Promise<void>;
  onClose(): void;
}

export function DissolveModal({ open, tenant, allianceId, allianceName, onRun, onClose }: Props) {
  const [work, setWork] = useState<OpenWork | null>(null);
  const [reason, setReason] = useState('');
  const [onDate, setOnDate] = useState<Dayjs | null>(dayjs());
  const [all, setAll] = useState<'cancel' | 'hand_over'>('cancel');
  const [allTarget, setAllTarget] = useState<string | undefined>();
  const [choices, setChoices] = useState<Record<string, { choice: Choice; target?: string }>>({});
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [saving, setSaving] = useState(false);

  useOnOpen(open, () => {
    setWork(null);
    setProblem(null);
    setChoices({});
    setReason('');
    setOnDate(dayjs());
    allianceApi.openWork(tenant, allianceId).then(setWork, (e: unknown) => setProblem(problemText(e)));
  }, [tenant, allianceId]);

  const rows: Row[] = work
    ? [
        ...work.projects.map((p) => ({ key: p.id, kind: 'project' as const, id: p.id, title: p.title, note: '' })),
        ...work.needs.map((n) => ({ key: n.id, kind: 'need' as const, id: n.id, title: n.title, note: `尚缺 ${n.remaining}${n.unit}` })),
        ...work.resources.map((r) => ({ key: r.id, kind: 'resource' as const, id: r.id, title: r.title, note: '' })),
      ]
    : [];
  const targets = (work?.targets ?? []).map((t) => ({ value: t.id, label: t.name }));

  const submit = async () => {
    if (!reason.trim()) {
      setProblem({ title: '请填写撤销原因', items: [], stale: false });
      return;
    }
    const items: NonNullable<SettlementInput['items']> = [];
    for (const r of rows) {
      const c = choices[r.id];
      if (!c || c.choice === 'default') continue;
      items.push({ kind: r.kind, id: r.id, choice: c.choice, ...(c.choice === 'hand_over' && c.target ? { targetAllianceId: c.target } : {}) });
    }
    const settlement: SettlementInput = { default: { choice: all, ...(all === 'hand_over' && allTarget ? { targetAllianceId: allTarget } : {}) }, ...(items.length ? { items } : {}) };
    setSaving(true);
    setProblem(null);
    try {
      await onRun({ reason: reason.trim(), onDate: onDate?.format('YYYY-MM-DD'), ...(rows.length ? { settlement } : {}) });
    } catch (e) {
      setProblem(problemText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={`撤销“${allianceName}”`} okText="撤销" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={saving} onOk={submit} onCancel={onClose} width={760} destroyOnHidden mask={{ closable: false }}>
      <Alert type="info" showIcon title="撤销后联合体不能再恢复。尚未办结的项目、需求和资源须决定如何处理：取消（关闭、释放），或移交给本旗县区运行中的其他联合体继续办理。" style={{ marginBottom: 12 }} />
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Form layout="vertical" name="dissolve">
        <Form.Item label="撤销原因" required>
          <Input.TextArea id="dissolve_reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
        <Form.Item label="决定日期">
          <DatePicker value={onDate} onChange={setOnDate} format="YYYY-MM-DD" placeholder="选择日期" />
        </Form.Item>
        {!work ? (
          <Spin />
        ) : rows.length === 0 ? (
          <Typography.Text type="secondary">该联合体没有未办结的项目、需求和资源。</Typography.Text>
        ) : (
          <>
            <Form.Item label={`未办结事项共 ${rows.length} 项，统一处理方式`}>
              <Radio.Group value={all} onChange={(e) => setAll(e.target.value as 'cancel' | 'hand_over')}>
                <Radio value="cancel">全部取消（项目取消、需求关闭、资源释放）</Radio>
                <Radio value="hand_over">全部移交</Radio>
              </Radio.Group>
              {all === 'hand_over' && <Select style={{ width: 320, marginTop: 8 }} placeholder="选择接收的联合体" options={targets} value={allTarget} onChange={setAllTarget} />}
            </Form.Item>
            <Table<Row>
              size="small"
              rowKey="key"
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              dataSource={rows}
              columns={[
                { title: '类别', dataIndex: 'kind', width: 60, render: (k: Kind) => KIND_LABEL[k] },
                { title: '名称', dataIndex: 'title', ellipsis: true },
                { title: '情况', dataIndex: 'note', width: 100 },
                {
                  title: '处理方式',
                  width: 300,
                  render: (_: unknown, r: Row) => {
                    const c = choices[r.id] ?? { choice: 'default' as Choice };
                    const set = (next: { choice: Choice; target?: string }) => setChoices((m) => ({ ...m, [r.id]: next }));
                    return (
                      <>
                        <Select
                          style={{ width: 130 }}
                          value={c.choice}
                          onChange={(choice: Choice) => set({ choice, target: c.target })}
                          options={[
                            { value: 'default', label: '按统一方式' },
                            { value: r.kind === 'resource' ? 'release' : 'cancel', label: END_LABEL[r.kind] },
                            { value: 'hand_over', label: '移交' },
                          ]}
                        />
                        {c.choice === 'hand_over' && <Select style={{ width: 160, marginLeft: 4 }} placeholder="接收的联合体" options={targets} value={c.target} onChange={(target: string) => set({ choice: 'hand_over', target })} />}
                      </>
                    );
                  },
                },
              ]}
            />
            <Typography.Text type="secondary">项目移交时，它正在承接的需求和资源随项目一并移交。</Typography.Text>
          </>
        )}
      </Form>
    </Modal>
  );
}
