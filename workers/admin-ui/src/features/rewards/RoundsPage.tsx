import { App, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ActionButton } from '../../lib/ActionButton.tsx';
import { formatYuan } from '../../lib/money.ts';
import { problemText } from '../../lib/problems.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { rewardsApi, type RoundView } from './api.ts';
import { methodSummary } from './labels.ts';

/** 以奖代补: the year's reward rounds, newest first, with their corrections linked both ways. */
export default function RoundsPage() {
  const { tenant } = useTenant();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [year, setYear] = useState(thisYearShanghai());
  const [items, setItems] = useState<RoundView[]>([]);
  const [loading, setLoading] = useState(false);
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
      <Typography.Title level={4}>以奖代补</Typography.Title>
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
    </>
  );
}
