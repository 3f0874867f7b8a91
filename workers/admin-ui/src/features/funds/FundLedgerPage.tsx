import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { FundReverseSchema } from '@ronghe/schema';
import { formatYuan } from '../../lib/money.ts';
import { PromptModal } from '../../lib/PromptModal.tsx';
import { problemText } from '../../lib/problems.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { fundsApi, type ContributionCallResult, type FundBalanceView, type FundEntryView, type FundLedgerView } from './api.ts';
import { EntryModal, type EntryMode } from './EntryModal.tsx';
import { purposeText } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

type Project = FundBalanceView['projects'][number];

/** One alliance's books: balance by source, the year's ledger with its running balance, and the project reconciliation. */
export default function FundLedgerPage() {
  const { tenant } = useTenant();
  const { allianceId = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = useFeedback();
  const mayRecord = !tenant.readOnly && tenant.actions.includes('fund.record');
  const [year, setYear] = useState(thisYearShanghai());
  const [ledger, setLedger] = useState<FundLedgerView | null>(null);
  const [balance, setBalance] = useState<FundBalanceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<EntryMode | null>(null);
  const [reversing, setReversing] = useState<FundEntryView | null>(null);
  const load = useCallback(() => {
    Promise.all([fundsApi.ledger(tenant.slug, allianceId, year), fundsApi.balance(tenant.slug, allianceId)]).then(
      ([l, b]) => (setLedger(l), setBalance(b), setError(null)),
      (e) => setError(problemText(e).title),
    );
  }, [tenant.slug, allianceId, year]);
  useEffect(load, [load]);

  const showCall = (r: ContributionCallResult) =>
    modal.info({
      title: '各方筹已记账',
      width: 520,
      content: (
        <>
          {r.scaled && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`成员出资比例合计为 ${(r.bpTotal / 100).toFixed(2)}%，已按比例折算分摊`} />}
          <Table
            size="small"
            rowKey="orgId"
            pagination={false}
            dataSource={r.parts}
            columns={[
              { title: '成员单位', dataIndex: 'orgName' },
              { title: '出资比例', dataIndex: 'contributionBp', align: 'right', render: (v: number) => `${(v / 100).toFixed(2)}%` },
              { title: '分摊金额（元）', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
            ]}
          />
        </>
      ),
    });

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => navigate(`/t/${tenant.slug}/funds`)}>返回</Button>} />;
  const stats: Array<[string, number | undefined]> = [
    ['余额', balance?.balanceFen],
    ['上级拨', balance?.bySource.allocation],
    ['各方筹', balance?.bySource.contribution],
    ['党费补', balance?.bySource.party_fee],
    ['其他收入', balance?.bySource.other],
    ['累计支出', balance?.spendingFen],
  ];
  return (
    <>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {ledger?.allianceName ?? '联合体'} · 经费
        </Typography.Title>
        <Space wrap>
          {mayRecord && (
            <>
              <Button type="primary" onClick={() => setMode('income')}>记收入</Button>
              <Button onClick={() => setMode('spending')}>记支出</Button>
              <Button onClick={() => setMode('call')}>各方筹</Button>
            </>
          )}
          <Button onClick={() => navigate(`/t/${tenant.slug}/funds`)}>返回</Button>
        </Space>
      </Space>
      {balance?.overdrawn && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="支出已超过收入，余额为负，请核对账目" />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map(([title, fen]) => (
          <Col key={title} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={`${title}（元）`} value={fen === undefined ? '—' : formatYuan(fen)} valueStyle={{ fontSize: 18 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title="经费明细账"
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            <YearSelect value={year} onChange={setYear} />
            <Button onClick={() => fundsApi.exportLedger(tenant.slug, allianceId, year).catch((e) => message.error(problemText(e).title))}>导出 Excel</Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          上年结转 {formatYuan(ledger?.openingFen)} 元；本年收入 {formatYuan(ledger?.incomeFen)} 元，支出 {formatYuan(ledger?.spendingFen)} 元，结余 {formatYuan(ledger?.closingFen)} 元。
        </Typography.Paragraph>
        <Table<FundEntryView>
          data-testid="fund-ledger"
          rowKey="id"
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          dataSource={ledger?.items ?? []}
          locale={{ emptyText: '本年还没有记账' }}
          columns={[
            { title: '日期', dataIndex: 'occurredOn', width: 104 },
            { title: '凭证号', dataIndex: 'voucherNo', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '摘要', dataIndex: 'summary', ellipsis: true, width: 220 },
            { title: '来源/用途', key: 'purpose', width: 200, ellipsis: true, render: (_: unknown, e) => purposeText(e) },
            { title: '收入（元）', key: 'in', align: 'right', render: (_: unknown, e) => (e.kind === 'income' ? formatYuan(e.amountFen) : '') },
            { title: '支出（元）', key: 'out', align: 'right', render: (_: unknown, e) => (e.kind === 'spending' ? formatYuan(e.amountFen) : '') },
            { title: '余额（元）', dataIndex: 'balanceFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: '记账人', dataIndex: 'recordedByName', width: 100 },
            {
              title: '状态',
              key: 'state',
              width: 110,
              render: (_: unknown, e) =>
                e.reversesId ? <Tag color="orange">冲正记录</Tag> : e.reversedBy ? <Tag>已冲正</Tag> : mayRecord ? <Button size="small" onClick={() => setReversing(e)}>冲正</Button> : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title="项目预算对账（元）">
        <Table<Project>
          data-testid="fund-projects"
          rowKey="projectId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={balance?.projects ?? []}
          locale={{ emptyText: '本联合体还没有项目' }}
          columns={[
            { title: '项目', dataIndex: 'title' },
            { title: '预算', dataIndex: 'budgetFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: '已支出', dataIndex: 'spentFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: '预算余额', dataIndex: 'remainingFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: '对账', dataIndex: 'overBudget', width: 90, render: (v: boolean) => (v ? <Tag color="red">超支</Tag> : <Tag color="green">未超支</Tag>) },
          ]}
        />
        {balance && balance.unassignedSpendingFen > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            另有未记到项目的支出 {formatYuan(balance.unassignedSpendingFen)} 元。
          </Typography.Paragraph>
        )}
      </Card>
      <EntryModal
        mode={mode}
        allianceId={allianceId}
        projects={balance?.projects ?? []}
        onClose={(done, call) => {
          setMode(null);
          if (done) {
            message.success('已记账');
            if (call) showCall(call);
            load();
          }
        }}
      />
      <PromptModal
        open={!!reversing}
        title="冲正这笔经费"
        okText="冲正"
        danger
        formName="fund-reverse"
        intro={reversing && <Typography.Paragraph>将记入一笔金额相反的记录（{reversing.kind === 'income' ? '收入' : '支出'} {formatYuan(-reversing.amountFen)} 元），原记录保留不变；每笔只能冲正一次。</Typography.Paragraph>}
        fields={[{ name: 'reason', label: '冲正理由', kind: 'textarea', required: true, rows: 3, schema: FundReverseSchema.shape.reason }]}
        onSubmit={async (v) => {
          await fundsApi.reverse(tenant.slug, reversing!.id, v.reason ?? '');
          setReversing(null);
          message.success('已冲正');
          load();
        }}
        onClose={() => setReversing(null)}
      />
    </>
  );
}
