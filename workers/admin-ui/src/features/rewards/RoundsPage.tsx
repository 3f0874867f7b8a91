import { Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ActionButton } from '../../lib/ActionButton.tsx';
import { formatYuan } from '../../lib/money.ts';
import { problemText } from '../../lib/problems.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { rewardsApi, type CityAwardView, type RoundView } from './api.ts';
import { methodSummary } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/** 以奖代补: the year's reward rounds, newest first, with their corrections linked both ways. */
export default function RoundsPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [year, setYear] = useState(thisYearShanghai());
  const [items, setItems] = useState<RoundView[]>([]);
  const [loading, setLoading] = useState(false);
  const isCity = tenant.kind === 'city';
  // 市级奖补 (ADR 0025): what the city awarded this county's recipients; the city runs its own rounds above.
  const [cityAwards, setCityAwards] = useState<CityAwardView[]>([]);
  useEffect(() => {
    if (isCity) return setCityAwards([]);
    rewardsApi.cityAwards(tenant.slug, year).then(setCityAwards, (e) => message.error(problemText(e).title));
  }, [isCity, tenant.slug, year, message]);
  useEffect(() => {
    setLoading(true);
    rewardsApi
      .list(tenant.slug, year)
      .then(setItems, (e) => message.error(problemText(e).title))
      .finally(() => setLoading(false));
  }, [tenant.slug, year, message]);
  const names = new Map(items.map((r) => [r.id, r.name]));
  const link = (id: string, prefix: string) => (
    <div>
      {prefix}
      <Link to={`/t/${tenant.slug}/rewards/${id}`}>{names.get(id) ?? '查看'}</Link>
    </div>
  );
  return (
    <>
      <Typography.Title level={4}>{isCity ? '以奖代补（市级）' : '以奖代补'}</Typography.Title>
      <Card
        size="small"
        title={
          <Space>
            <span>奖补轮次</span>
            <YearSelect value={year} onChange={setYear} />
          </Space>
        }
        extra={
          !tenant.readOnly && (
            <ActionButton type="primary" action="reward.manage" what="新建奖补轮次" onClick={() => navigate(`/t/${tenant.slug}/rewards/new?year=${year}`)}>
              新建奖补轮次
            </ActionButton>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {isCity ? '市级轮次面向全市各旗县区的党建联合体或党支部，名单按各旗县区的考核结果和荣誉认定生成。' : ''}
          按考核结果和荣誉认定分配奖补资金：草稿可反复修改和模拟，发布后金额与依据不再改变，逐笔登记拨付；发现差错时以更正轮次重新分配。
        </Typography.Paragraph>
        <Table<RoundView>
          data-testid="reward-rounds"
          rowKey="id"
          size="small"
          loading={loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          dataSource={items}
          locale={{ emptyText: '本年度还没有奖补轮次' }}
          columns={[
            { title: '名称', dataIndex: 'name', render: (v: string, r) => <Link to={`/t/${tenant.slug}/rewards/${r.id}`}>{v}</Link> },
            { title: '奖补对象', dataIndex: 'subjectLabel', width: 100 },
            { title: '状态', dataIndex: 'status', width: 120, render: (_: unknown, r) => <Tag color={r.status === 'published' ? 'green' : 'blue'}>{r.statusLabel}</Tag> },
            { title: '分配方式', key: 'method', width: 320, render: (_: unknown, r) => <Typography.Text ellipsis={{ tooltip: methodSummary(r) }} style={{ maxWidth: 300 }}>{methodSummary(r)}</Typography.Text> },
            { title: '预算（元）', dataIndex: 'budgetFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: '已分配（元）', dataIndex: 'allocatedFen', align: 'right', render: (v: number | null) => (v === null ? '未发布' : formatYuan(v)) },
            {
              title: '更正',
              key: 'corrections',
              render: (_: unknown, r) => (
                <>
                  {r.correctsRoundId && link(r.correctsRoundId, '更正了：')}
                  {r.correctedByRoundId && link(r.correctedByRoundId, '已被更正：')}
                  {!r.correctsRoundId && !r.correctedByRoundId && '—'}
                </>
              ),
            },
          ]}
        />
      </Card>
      {!isCity && (
        <Card size="small" title="市级奖补" style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">市委组织部已发布的市级轮次中，本旗县区对象获得的奖补；拨付到党建联合体的资金记入其经费台账（上级拨）。</Typography.Paragraph>
          <Table<CityAwardView>
            data-testid="city-awards"
            rowKey={(a) => `${a.roundId}:${a.recipientId}`}
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            dataSource={cityAwards}
            locale={{ emptyText: '本年度暂无市级奖补' }}
            expandable={{ expandedRowRender: (a) => <ol style={{ margin: 0, paddingLeft: 20 }}>{a.steps.map((s, i) => <li key={i}>{s.text}</li>)}</ol>, rowExpandable: (a) => a.steps.length > 0 }}
            columns={[
              { title: '市级轮次', dataIndex: 'roundName', width: 260, render: (v: string, a) => <>{v}{a.correctedByRoundId && <Tag color="orange" style={{ marginLeft: 4 }}>已更正</Tag>}</> },
              { title: '对象', dataIndex: 'recipientName', width: 260 },
              { title: '类别', dataIndex: 'subjectLabel', width: 100 },
              { title: '市级奖补（元）', dataIndex: 'amountFen', align: 'right', width: 140, render: (v: number) => formatYuan(v) },
              { title: '拨付', key: 'paid', width: 200, render: (_: unknown, a) => (a.disbursement ? (a.disbursement.status === 'paid' ? `${a.disbursement.statusLabel} ${a.disbursement.paidOn}` : a.disbursement.statusLabel) : '—') },
            ]}
          />
        </Card>
      )}
    </>
  );
}
