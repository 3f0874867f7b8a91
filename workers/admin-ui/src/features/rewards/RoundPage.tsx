import { Alert, Button, Card, Descriptions, Form, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DisbursementPaySchema, RoundCorrectSchema } from '@ronghe/schema';
import { ActionButton } from '../../lib/ActionButton.tsx';
import { formatFen } from '../../lib/money.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { PromptModal } from '../../lib/PromptModal.tsx';
import { problemText } from '../../lib/problems.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { useFormSave } from '../../lib/useFormSave.ts';
import { useTenant } from '../../tenant.tsx';
import { AllocationTable } from './AllocationTable.tsx';
import { rewardsApi, type AllocationTableView, type CountyMatchingView, type RoundView } from './api.ts';
import { MatchingTable } from './MatchingTable.tsx';
import { methodSummary } from './labels.ts';
import { RoundForm } from './RoundForm.tsx';
import { FORM_FIELDS, fromRound, renamePath, toSettings, type RoundFormValues } from './settings.ts';
import { useFeedback } from '../../lib/feedback.tsx';

type Line = AllocationTableView['lines'][number];

const NEW_ROUND: RoundFormValues = {
  subject: 'alliance',
  methodKind: 'tiered_grade',
  gradeTiers: {},
  designationTiers: [{}],
  uplifts: [],
  anyDesignation: [],
  excludeUnderRectification: true,
  requireMemberReport: true,
  // 配套 (county rounds): off until switched on; 1:1 and pro rata when it is.
  matchOn: false,
  matchRatioCity: 1,
  matchRatioCounty: 1,
  matchShortfallRule: 'scale',
};

/**
 * One reward round. A draft: its settings, 模拟 (saving changed settings
 * first), the table with every step of each amount and the differences from
 * the previous simulation, 发布. A published round: the frozen table with its
 * payments, 登记拨付 per line, 更正. Both export the signed A4 table.
 */
export default function RoundPage() {
  const { tenant } = useTenant();
  const { roundId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { message, modal } = useFeedback();
  const creating = !roundId || roundId === 'new';
  const mayManage = !tenant.readOnly && tenant.actions.includes('reward.manage');
  const [form] = Form.useForm<RoundFormValues>();
  const save = useFormSave(form, FORM_FIELDS, renamePath);
  const [round, setRound] = useState<RoundView | null>(null);
  const [table, setTable] = useState<AllocationTableView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [paying, setPaying] = useState<Line | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const isCity = tenant.kind === 'city';
  // 配套 (ADR 0025): a county matches a published city round in which its recipients were awarded.
  const [cityRounds, setCityRounds] = useState<Array<{ value: string; label: string }>>([]);
  const [countyMatching, setCountyMatching] = useState<CountyMatchingView[] | null>(null);
  useEffect(() => {
    if (isCity) return;
    rewardsApi.cityAwards(tenant.slug).then(
      (items) => setCityRounds([...new Map(items.map((i) => [i.roundId, { value: i.roundId, label: `${i.year} 年 ${i.roundName}（${i.subjectLabel}）` }])).values()]),
      () => setCityRounds([]),
    );
  }, [isCity, tenant.slug]);
  useEffect(() => {
    if (!isCity || !round || round.level !== 'city' || round.status !== 'published') return setCountyMatching(null);
    rewardsApi.countyMatching(tenant.slug, round.id).then(setCountyMatching, () => setCountyMatching(null));
  }, [isCity, round, tenant.slug]);

  const load = useCallback(async () => {
    if (creating) {
      form.resetFields();
      form.setFieldsValue({ ...NEW_ROUND, year: Number(search.get('year')) || thisYearShanghai() });
      return;
    }
    try {
      const [r, t] = await Promise.all([rewardsApi.get(tenant.slug, roundId), rewardsApi.table(tenant.slug, roundId)]);
      setRound(r);
      setTable(t);
      form.resetFields();
      form.setFieldsValue(fromRound(r));
      setError(null);
    } catch (e) {
      setError(problemText(e).title);
    }
  }, [tenant.slug, roundId, creating, form, search]);
  useEffect(() => void load(), [load]);

  const fail = (e: unknown) => message.error(problemText(e).title);
  const go = (id: string) => navigate(`/t/${tenant.slug}/rewards/${id}`);

  /** Writes the form when it changed; the round as saved, or null when the form or server refused. */
  const saveSettings = async (): Promise<RoundView | null> => {
    if (!creating && round && !form.isFieldsTouched()) return round;
    const v = await save.validated();
    if (!v) return null;
    let saved: RoundView | null = null;
    const settings = toSettings(v);
    await save.save(
      async () => {
        if (creating) {
          const { matching, ...rest } = settings;
          saved = await rewardsApi.create(tenant.slug, { ...rest, ...(matching ? { matching } : {}) });
        } else {
          const { name, budgetFen, method, rules, note, matching } = settings;
          saved = await rewardsApi.update(tenant.slug, round!.id, round!.version, { name, budgetFen, method, rules, note: note ?? null, matching });
          setRound(saved);
          form.resetFields();
          form.setFieldsValue(fromRound(saved));
        }
      },
      load,
    );
    return saved;
  };

  const onSave = async () => {
    const saved = await saveSettings();
    if (!saved) return;
    message.success('已保存');
    if (creating) go(saved.id);
  };

  const onSimulate = async () => {
    setBusy(true);
    try {
      const saved = await saveSettings();
      if (!saved) return;
      if (creating) {
        // The draft exists now: whatever the simulation says, the page moves to it.
        await rewardsApi.simulate(tenant.slug, saved.id).then(() => message.success('已保存并模拟'), fail);
        go(saved.id);
        return;
      }
      const t = await rewardsApi.simulate(tenant.slug, saved.id);
      setTable(t);
      setRound(t.round);
      message.success('已模拟');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onPublish = () =>
    modal.confirm({
      title: '发布奖补轮次',
      content: `将按上次模拟结果发布：分配 ${formatFen(round?.lastSimulatedAt ? (table?.allocatedFen ?? 0) : 0)}。发布后金额与依据不能再修改，如有差错只能新建更正轮次。`,
      okText: '确认发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          const published = await rewardsApi.publish(tenant.slug, round!.id, round!.version);
          message.success('已发布');
          setRound(published);
          setTable(await rewardsApi.table(tenant.slug, published.id));
        } catch (e) {
          fail(e);
        }
      },
    });

  const onExport = () => round && rewardsApi.exportRound(tenant.slug, round.id).catch(fail);

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => navigate(`/t/${tenant.slug}/rewards`)}>返回</Button>} />;
  const draft = creating || round?.status === 'draft';
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to={`/t/${tenant.slug}/rewards`}>以奖代补</Link>
        <span>/</span>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {creating ? '新建奖补轮次' : (round?.name ?? '')}
        </Typography.Title>
        {round && <Tag color={round.status === 'published' ? 'green' : 'blue'}>{round.statusLabel}</Tag>}
      </Space>
      {round?.correctsRoundId && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<>本轮次更正了<Link to={`/t/${tenant.slug}/rewards/${round.correctsRoundId}`}>原轮次</Link>{round.note ? `；更正理由：${round.note}` : ''}</>} />
      )}
      {round?.correctedByRoundId && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={<>本轮次已被更正，请以<Link to={`/t/${tenant.slug}/rewards/${round.correctedByRoundId}`}>更正轮次</Link>为准</>} />
      )}
      {draft && mayManage ? (
        <Card size="small" title="轮次设置" style={{ marginBottom: 16 }}>
          <ProblemAlert problem={save.problem} />
          <RoundForm form={form} creating={creating} cityRounds={isCity ? undefined : cityRounds} />
          <Space>
            <Button onClick={onSave} loading={save.saving}>
              {creating ? '保存草稿' : '保存修改'}
            </Button>
            <Button type="primary" onClick={onSimulate} loading={busy}>
              {creating ? '保存并模拟' : '模拟'}
            </Button>
          </Space>
        </Card>
      ) : (
        round && (
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="年度">{round.year} 年</Descriptions.Item>
              <Descriptions.Item label="奖补对象">{round.subjectLabel}</Descriptions.Item>
              <Descriptions.Item label="预算">{formatFen(round.budgetFen)}</Descriptions.Item>
              <Descriptions.Item label="分配方式">{methodSummary(round)}</Descriptions.Item>
              <Descriptions.Item label="级别">{round.levelLabel}</Descriptions.Item>
            </Descriptions>
          </Card>
        )
      )}
      {round && table && (
        <Card
          size="small"
          title={round.status === 'published' ? '分配表（已发布）' : round.lastSimulatedAt ? '模拟分配表' : '分配表预览（尚未模拟）'}
          extra={
            <Space>
              <Button onClick={onExport}>{round.status === 'published' ? '导出分配表' : '导出草稿（模拟）'}</Button>
              {round.status === 'draft' && (
                <ActionButton type="primary" action="reward.manage" what="发布奖补轮次" disabled={!round.lastSimulatedAt || tenant.readOnly} onClick={onPublish}>
                  发布
                </ActionButton>
              )}
              {round.status === 'published' && !round.correctedByRoundId && (
                <ActionButton action="reward.manage" what="更正奖补轮次" disabled={tenant.readOnly} onClick={() => setCorrecting(true)}>
                  更正
                </ActionButton>
              )}
            </Space>
          }
        >
          <AllocationTable table={table} onPay={mayManage ? setPaying : undefined} />
        </Card>
      )}
      {table?.matching && (
        <Card size="small" title={round?.status === 'published' ? '配套市级奖补（已发布）' : '配套市级奖补（模拟）'} style={{ marginTop: 16 }}>
          <MatchingTable matching={table.matching} />
        </Card>
      )}
      {countyMatching && (
        <Card size="small" title="各旗县区配套情况" style={{ marginTop: 16 }}>
          <Table<CountyMatchingView>
            data-testid="county-matching"
            rowKey="roundId"
            size="small"
            pagination={false}
            dataSource={countyMatching}
            locale={{ emptyText: '尚无旗县区设置配套' }}
            expandable={{ expandedRowRender: (c) => (c.matching ? <MatchingTable matching={c.matching} testId="county-matching-lines" /> : '草稿尚未发布，配套金额未定'), rowExpandable: (c) => !!c.matching }}
            columns={[
              { title: '旗县区', dataIndex: 'countyName', width: 110 },
              { title: '本级轮次', dataIndex: 'roundName', width: 260 },
              { title: '状态', dataIndex: 'statusLabel', width: 120 },
              { title: '配套比例', dataIndex: 'ratioText', width: 280 },
              { title: '配套预算（元）', dataIndex: 'budgetFen', align: 'right', width: 140, render: (v: number) => formatFen(v).replace(' 元', '') },
              { title: '实际配套（元）', key: 'matched', align: 'right', width: 140, render: (_: unknown, c) => (c.matching ? formatFen(c.matching.matchedTotalFen).replace(' 元', '') : '未发布') },
            ]}
          />
        </Card>
      )}
      <PromptModal
        open={!!paying}
        title={`登记拨付：${paying?.recipientName ?? ''} ${formatFen(paying?.amountFen)}`}
        okText="登记"
        formName="reward-pay"
        fields={[
          { name: 'paidOn', label: '拨付日期', kind: 'date', required: true, schema: DisbursementPaySchema.shape.paidOn },
          { name: 'voucherNo', label: '凭证号', kind: 'text', required: true, placeholder: '如 记-2026-001', schema: DisbursementPaySchema.shape.voucherNo },
        ]}
        onSubmit={async (v) => {
          await rewardsApi.pay(tenant.slug, paying!.disbursement!.id, { paidOn: v.paidOn!, voucherNo: v.voucherNo! });
          message.success('已登记拨付');
          setPaying(null);
          setTable(await rewardsApi.table(tenant.slug, round!.id));
        }}
        onClose={() => setPaying(null)}
      />
      <PromptModal
        open={correcting}
        title="更正奖补轮次"
        okText="新建更正轮次"
        intro="原轮次保持不变；将新建一个引用原轮次的草稿，按当前数据重新模拟后发布。"
        formName="reward-correct"
        fields={[{ name: 'reason', label: '更正理由', kind: 'textarea', required: true, schema: RoundCorrectSchema.shape.reason }]}
        onSubmit={async (v) => {
          const c = await rewardsApi.correct(tenant.slug, round!.id, v.reason!);
          setCorrecting(false);
          go(c.id);
        }}
        onClose={() => setCorrecting(false)}
      />
    </>
  );
}
