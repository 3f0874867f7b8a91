import { DownOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { antIsland } from '../../lib/ant-island.tsx';
import { useFeedback } from '../../lib/feedback.tsx';
import { formatYuan } from '../../lib/money.ts';
import { problemText } from '../../lib/problems.ts';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { cx, THEME_CLASS } from '../../light/cx.ts';
import { Space } from '../../light/Space.tsx';
import { SummaryCell, Table, type Column } from '../../light/Table.tsx';
import { Link, Title } from '../../light/Typography.tsx';
import { ALLIANCE_STATUS_LABELS } from '../../shared/allianceStatus.ts';
import { useTenant } from '../../tenant.tsx';
import { fundsApi, type FundSummaryView } from './api.ts';

// The page draws without antd (src/light/, docs/adr/0031); the alliance finder and the summary's pager
// are antd islands that load once the page is on screen.
const FundsAlliancePicker = antIsland(() => import('./FundsAlliancePicker.tsx').then((m) => m.FundsAlliancePicker));
const TablePager = antIsland(() => import('../../lib/TablePager.tsx').then((m) => m.TablePager));

type Row = FundSummaryView['items'][number];

const PAGE_SIZE = 20;

const money = (title: string, pick: (r: Row) => number): Column<Row> => ({ title, key: title, align: 'right', render: (_: unknown, r: Row) => formatYuan(pick(r)) });

const columns: Column<Row>[] = [
  { title: '党建联合体', dataIndex: 'allianceName', render: (v: string) => <Link>{v}</Link> },
  {
    title: '状态',
    dataIndex: 'allianceStatus',
    width: 90,
    // src/light/Table sizes columns only in a fixed layout: the cell keeps antd's column width here.
    onCell: () => ({ style: { width: 90 } }),
    render: (v: string) => ALLIANCE_STATUS_LABELS[v as keyof typeof ALLIANCE_STATUS_LABELS] ?? '—',
  },
  money('上级拨', (r) => r.bySource.allocation),
  money('各方筹', (r) => r.bySource.contribution),
  money('党费补', (r) => r.bySource.party_fee),
  money('其他收入', (r) => r.bySource.other),
  money('收入合计', (r) => r.incomeFen),
  money('支出', (r) => r.spendingFen),
  money('余额', (r) => r.balanceFen),
];

/** The alliance finder as antd draws it empty, until its island has loaded: the card keeps its look. */
function PickerPlaceholder() {
  return (
    <div className={cx('ant-select ant-select-outlined', THEME_CLASS, 'ant-select-css-var ant-select-single ant-select-show-arrow ant-select-show-search')} style={{ width: '100%' }}>
      <div className="ant-select-content">
        <div className="ant-select-placeholder">输入联合体名称查找</div>
      </div>
      <div className="ant-select-suffix">
        <DownOutlined />
      </div>
    </div>
  );
}

/** 经费保障: pick an alliance's books; the county (and the city) also see the summary across alliances. */
export default function FundsHomePage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const maySummary = tenant.actions.includes('fund.summary');
  // The summary may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => fundsApi.summary(tenant.slug));
  const [data, setData] = useState<FundSummaryView | null>(first.value ?? null);
  // Loading from the first draw when the answer is not here yet: not "还没有联合体记账" until the effect runs.
  const [loading, setLoading] = useState(maySummary && first.value === undefined);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (!maySummary || first.taken()) return;
    setLoading(true);
    fundsApi
      .summary(tenant.slug)
      .then(setData, (e) => message.error(problemText(e).title))
      .finally(() => setLoading(false));
  }, [tenant.slug, maySummary, message, first]);
  const open = (id: string | null) => id && navigate(`/t/${tenant.slug}/funds/${id}`);
  const items = data?.items ?? [];
  const totals = data?.totals;
  return (
    <>
      <Title level={4}>经费保障</Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>查看联合体经费：</span>
          <div style={{ minWidth: 260, maxWidth: '100%' }}>
            <FundsAlliancePicker tenant={tenant.slug} onChange={(id) => open(id)} placeholder={<PickerPlaceholder />} />
          </div>
        </Space>
        <div className={cx('ant-typography ant-typography-secondary', THEME_CLASS)} style={{ margin: '8px 0 0' }}>
          联合体经费来自上级拨、各方筹（成员单位按出资比例）、党费补；账目只增不改，更正以冲正记录。
        </div>
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
            minWidth="max-content"
            data-testid="funds-summary"
            rowKey="allianceId"
            size="small"
            loading={loading}
            rows={items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            emptyText="还没有联合体记账"
            onRow={(r) => ({ onClick: () => open(r.allianceId), style: { cursor: 'pointer' } })}
            columns={columns}
            summary={
              totals && items.length ? (
                <tr>
                  <SummaryCell colSpan={2}>
                    <strong>合计</strong>
                  </SummaryCell>
                  {[totals.bySource.allocation, totals.bySource.contribution, totals.bySource.party_fee, totals.bySource.other, totals.incomeFen, totals.spendingFen, totals.balanceFen].map((v, i) => (
                    <SummaryCell key={i} align="right">
                      <strong>{formatYuan(v)}</strong>
                    </SummaryCell>
                  ))}
                </tr>
              ) : undefined
            }
          />
          {/* hideOnSinglePage: one page of alliances has no pager, nor antd to load for it. */}
          {items.length > PAGE_SIZE && (
            <TablePager small hideOnSinglePage current={page} pageSize={PAGE_SIZE} total={items.length} onChange={setPage} placeholder={<div style={{ height: 56 }} />} />
          )}
        </Card>
      )}
    </>
  );
}
