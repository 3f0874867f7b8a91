import { Button, Card, Col, Form, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ASSESSMENT_GRADE_LABELS, ASSESSMENT_GRADES, ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES } from '@ronghe/schema';
import { errorText } from '../../api/client.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { AlliancePicker } from '../../shared/AlliancePicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { assessmentApi, GRADE_COLOR, pts, type AssessmentList, type SchemeView } from './api.ts';
import { GradeChart } from './GradeChart.tsx';
import { useFeedback } from '../../lib/feedback.tsx';

const thisYear = thisYearShanghai();

/** 年度考核: a year's assessments with the grade distribution; the committee opens an alliance's assessment here. */
export default function AssessmentsPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  // Assessments look back: the year just ended by default.
  const [year, setYear] = useState(thisYear - 1);
  const [grade, setGrade] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [data, setData] = useState<AssessmentList | null>(null);
  const [opening, setOpening] = useState(false);
  const canRun = !tenant.readOnly && tenant.actions.includes('assessment.run');

  const load = useCallback(() => {
    const ctl = new AbortController();
    assessmentApi.list(tenant.slug, { year, grade, status }, ctl.signal).then(setData).catch(() => undefined);
    return () => ctl.abort();
  }, [tenant.slug, year, grade, status]);
  useEffect(load, [load]);



  return (
    <Card
      title={`${year} 年度党建联合体考核`}
      extra={
        <Space wrap>
          <Button onClick={() => assessmentApi.exportYear(tenant.slug, year).catch((e) => message.error(errorText(e)))}>导出 Excel</Button>
          {canRun && <Button type="primary" onClick={() => setOpening(true)}>开启考核</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="年度" value={year} onChange={setYear} options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: `${y} 年` }))} />
        <Select aria-label="等次" allowClear placeholder="全部等次" style={{ minWidth: 120 }} value={grade} onChange={setGrade} options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: ASSESSMENT_GRADE_LABELS[g] }))} />
        <Select aria-label="状态" allowClear placeholder="全部状态" style={{ minWidth: 120 }} value={status} onChange={setStatus} options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: ASSESSMENT_STATUS_LABELS[s] }))} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={`等次分布（已定档；考核中 ${data?.open ?? 0} 个）`}>
            <GradeChart distribution={data?.distribution ?? []} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Table
            rowKey="id"
            loading={!data}
            dataSource={data?.items ?? []}
            scroll={{ x: true }}
            pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个联合体` }}
            onRow={(r) => ({ onClick: () => navigate(`/t/${tenant.slug}/assessment/assessments/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: '党建联合体', dataIndex: 'allianceName' },
              { title: '状态', dataIndex: 'statusLabel' },
              { title: '得分', render: (_, r) => (r.score === null ? '—' : `${pts(r.score)} 分`) },
              { title: '等次', render: (_, r) => (r.grade ? <Tag color={GRADE_COLOR[r.grade]}>{r.gradeLabel}</Tag> : '—') },
            ]}
          />
        </Col>
      </Row>
      {opening && <OpenModal tenant={tenant.slug} year={year} onClose={() => setOpening(false)} onOpened={(id) => navigate(`/t/${tenant.slug}/assessment/assessments/${id}`)} />}
    </Card>
  );
}

function OpenModal({ tenant, year, onClose, onOpened }: { tenant: string; year: number; onClose: () => void; onOpened: (id: string) => void }) {
  const { message } = useFeedback();
  const [schemes, setSchemes] = useState<SchemeView[]>([]);
  const [allianceId, setAllianceId] = useState<string | null>(null);
  const [schemeId, setSchemeId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    assessmentApi.schemes(tenant, { year }).then((r) => {
      const usable = r.items.filter((s) => s.status !== 'draft');
      setSchemes(usable);
      setSchemeId(usable[0]?.id);
    }).catch(() => undefined);
  }, [tenant, year]);
  const submit = async () => {
    if (!allianceId || !schemeId) return;
    setBusy(true);
    try {
      onOpened((await assessmentApi.open(tenant, { allianceId, schemeId })).id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`开启 ${year} 年度考核`} okText="开启" cancelText="取消" onOk={submit} onCancel={onClose} confirmLoading={busy} okButtonProps={{ disabled: !allianceId || !schemeId }}>
      <Form layout="vertical">
        <Form.Item label="党建联合体" required>
          <AlliancePicker tenant={tenant} value={allianceId} onChange={(v) => setAllianceId(v)} placeholder="输入名称查找" />
        </Form.Item>
        <Form.Item label="指标体系（已发布）" required extra={schemes.length ? undefined : '本年度还没有已发布的指标体系，请先在“指标体系”中发布'}>
          <Select aria-label="指标体系" value={schemeId} onChange={setSchemeId} options={schemes.map((s) => ({ value: s.id, label: `${s.name}（第 ${s.version} 版）` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
