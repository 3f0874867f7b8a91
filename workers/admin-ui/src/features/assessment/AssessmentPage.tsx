import { Alert, Button, Card, Descriptions, Input, InputNumber, List, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { assessmentApi, GRADE_COLOR, pts, type AssessmentView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/** One alliance's annual assessment: each indicator with its evidence in words, the committee's scores, refresh, finalize. */
export default function AssessmentPage() {
  const { tenant } = useTenant();
  const { id = '' } = useParams();
  const { message, modal } = useFeedback();
  const [a, setA] = useState<AssessmentView | null>(null);
  const [entering, setEntering] = useState<AssessmentView['scores'][number] | null>(null);
  const canRun = !tenant.readOnly && tenant.actions.includes('assessment.run');

  const load = useCallback(() => {
    assessmentApi.get(tenant.slug, id).then(setA).catch((e) => message.error(errorText(e)));
  }, [tenant.slug, id, message]);
  useEffect(load, [load]);
  if (!a) return <Spin />;
  const open = a.status === 'open';

  const finalize = () =>
    modal.confirm({
      title: '年度考核定档',
      content: (
        <>
          <p>按目前各项得分，总分约 {pts(a.provisionalScore)} 分（定档时会重新计算系统指标与评议得分）。</p>
          <p>定档后不能再修改，结果将报旗县区委组织部和市委组织部备案，所用指标体系随之冻结。确定定档？</p>
        </>
      ),
      okText: '定档',
      cancelText: '取消',
      onOk: async () => {
        try {
          const done = await assessmentApi.finalize(tenant.slug, a.id);
          setA(done);
          message.success(`已定档：${pts(done.score)} 分，${done.gradeLabel}`);
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${a.allianceName} · ${a.year} 年度考核`}
        extra={
          canRun && open && (
            <Space wrap>
              <Button onClick={() => assessmentApi.refresh(tenant.slug, a.id).then((v) => (setA(v), message.success('已重新计算'))).catch((e) => message.error(errorText(e)))}>重新计算</Button>
              <Button type="primary" disabled={a.missing.length > 0} onClick={finalize}>定档</Button>
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 's', label: '状态', children: a.statusLabel },
            { key: 'sc', label: '指标体系', children: a.schemeName },
            { key: 'p', label: open ? '目前得分' : '总分', children: `${pts(open ? a.provisionalScore : a.score)} 分` },
            { key: 'g', label: '等次', children: a.grade ? <Tag color={GRADE_COLOR[a.grade]}>{a.gradeLabel}</Tag> : '定档后确定' },
          ]}
        />
        {open && a.missing.length > 0 && <Alert style={{ marginTop: 12 }} type="info" showIcon title={`还需考核组评分：${a.missing.join('、')}`} />}
        {a.consequences && (
          <Alert
            style={{ marginTop: 12 }}
            type={a.consequences.rectification ? 'error' : 'success'}
            showIcon
            title="考核结果运用"
            description={<List size="small" dataSource={a.consequences.summary} renderItem={(s) => <List.Item>{s}</List.Item>} />}
          />
        )}
      </Card>
      <Card title="各项指标">
        <Table
          rowKey="indicatorId"
          pagination={false}
          dataSource={a.scores}
          scroll={{ x: true }}
          columns={[
            { title: '指标', render: (_, s) => <><div>{s.name}</div><Typography.Text type="secondary">{s.criteria}</Typography.Text></> },
            { title: '得分方式', render: (_, s) => `${s.kindLabel}${s.sourceLabel && s.kind !== 'scored' ? `：${s.sourceLabel}` : ''}` },
            { title: '权重', render: (_, s) => `${s.weight}%` },
            { title: '得分', render: (_, s) => (s.raw === null ? '未评分' : `${pts(s.raw)} / ${s.maxScore}`) },
            { title: '折合', render: (_, s) => (s.weighted === null ? '—' : `${pts(s.weighted)} 分`) },
            { title: '依据', render: (_, s) => s.evidenceText ?? '—' },
            {
              title: '',
              render: (_, s) => canRun && open && s.kind === 'scored' && <Button size="small" onClick={() => setEntering(s)}>{s.raw === null ? '评分' : '修改评分'}</Button>,
            },
          ]}
        />
      </Card>
      {/* 四评 (the ratings feature's own page: features do not import each other). */}
      <Card size="small" title="四评">
        <Space wrap>
          <Typography.Text type="secondary">组织评定、党员评议、群众评判、社会评价及成员单位评价的录入、评议链接和汇总</Typography.Text>
          <Link to={`/t/${tenant.slug}/assessments/${a.id}/ratings`}>
            <Button>查看和录入四评</Button>
          </Link>
        </Space>
      </Card>
      {entering && <ScoreModal tenant={tenant.slug} a={a} line={entering} onClose={() => setEntering(null)} onSaved={(v) => (setEntering(null), setA(v))} />}
    </Space>
  );
}

function ScoreModal({ tenant, a, line, onClose, onSaved }: { tenant: string; a: AssessmentView; line: AssessmentView['scores'][number]; onClose: () => void; onSaved: (v: AssessmentView) => void }) {
  const { message } = useFeedback();
  const [value, setValue] = useState<number | null>(line.raw === null ? null : line.raw / 100);
  const [note, setNote] = useState(line.note ?? '');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (value === null) return;
    setBusy(true);
    try {
      onSaved(await assessmentApi.score(tenant, a.id, line.indicatorId, { raw: Math.round(value * 100), note: note.trim() || undefined }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`评分：${line.name}`} okText="保存" cancelText="取消" onOk={save} onCancel={onClose} confirmLoading={busy} okButtonProps={{ disabled: value === null }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{line.criteria || '按评分标准打分'}（满分 {line.maxScore} 分）</Typography.Text>
        <InputNumber aria-label="得分" min={0} max={line.maxScore} step={0.5} precision={2} value={value} onChange={(v) => setValue(v === null ? null : Number(v))} addonAfter={`/ ${line.maxScore} 分`} />
        <Input.TextArea aria-label="说明" rows={3} maxLength={500} placeholder="评分说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} />
      </Space>
    </Modal>
  );
}
