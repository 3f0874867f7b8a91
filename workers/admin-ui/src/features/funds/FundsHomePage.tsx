import { Button, Card, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatYuan } from '../../lib/money.ts';
import { problemText } from '../../lib/problems.ts';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { AlliancePicker } from '../../shared/AlliancePicker.tsx';
import { ALLIANCE_STATUS_LABELS } from '../../shared/allianceStatus.ts';
import { useTenant } from '../../tenant.tsx';
import { fundsApi, type FundSummaryView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

type Row = FundSummaryView['items'][number];

const money = (title: string, pick: (r: Row) => number) => ({ title, key: title, align: 'right' as const, render: (_: unknown, r: Row) => formatYuan(pick(r)) });

/** 经费保障: pick an alliance's books; the county (and the city) also see the summary across alliances. */
export default function FundsHomePage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const maySummary = tenant.actions.includes('fund.summary');
  // The summary may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => fundsApi.summary(tenant.slug));
  const [data, setData] = useState<FundSummaryView | null>(first.value ?? null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!maySummary || first.taken()) return;
    setLoading(true);
    fundsApi
      .summary(tenant.slug)
      .then(setData, (e) => message.error(problemText(e).title))
      .finally(() => setLoading(false));
  }, [tenant.slug, maySummary, message, first]);
  const open = (id: string | null) => id && navigate(`/t/${tenant.slug}/funds/${id}`);
  return (
    <>
      <Typography.Title level={4}>经费保障</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>查看联合体经费：</span>
          <div style={{ minWidth: 260, maxWidth: '100%' }}>
            <AlliancePicker tenant={tenant.slug} id="funds-alliance" placeholder="输入联合体名称查找" onChange={(id) => open(id)} />
          </div>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          联合体经费来自上级拨、各方筹（成员单位按出资比例）、党费补；账目只增不改，更正以冲正记录。
        </Typography.Paragraph>
      </Card>
      {maySummary && (
        <Card
          size="small"
          title="全旗县区联合体经费汇总（元）"
          extra={
            <Button onClick={() => fundsApi.exportSummary(tenant.slug).catch((e) => message.error(problemText(e).title))}>导出 Excel</Button>
          }
        >
          <Table<Row>
            data-testid="funds-summary"
            rowKey="allianceId"
            size="small"
            loading={loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            dataSource={data?.items ?? []}
            locale={{ emptyText: '还没有联合体记账' }}
            onRow={(r) => ({ onClick: () => open(r.allianceId), style: { cursor: 'pointer' } })}
            columns={[
              { title: '党建联合体', dataIndex: 'allianceName', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
              { title: '状态', dataIndex: 'allianceStatus', width: 90, render: (v: string) => ALLIANCE_STATUS_LABELS[v as keyof typeof ALLIANCE_STATUS_LABELS] ?? '—' },
              money('上级拨', (r) => r.bySource.allocation),
              money('各方筹', (r) => r.bySource.contribution),
              money('党费补', (r) => r.bySource.party_fee),
              money('其他收入', (r) => r.bySource.other),
              money('收入合计', (r) => r.incomeFen),
              money('支出', (r) => r.spendingFen),
              money('余额', (r) => r.balanceFen),
            ]}
            summary={() =>
              data && data.items.length ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>合计</strong>
                  </Table.Summary.Cell>
                  {[data.totals.bySource.allocation, data.totals.bySource.contribution, data.totals.bySource.party_fee, data.totals.bySource.other, data.totals.incomeFen, data.totals.spendingFen, data.totals.balanceFen].map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 2} align="right">
                      <strong>{formatYuan(v)}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}
    </>
  );
}
