import { Alert, Card, Empty, List, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { problemText } from '../../lib/problems.ts';
import { formatTime } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { thisYearShanghai as thisYear } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { pointsApi, type MyPointsView } from './api.ts';
import { kindLabel } from './labels.ts';

/** 我的积分: phone-first (one column, nothing wider than 390 px): total, ranks, the latest entries. */
export default function MyPointsPage() {
  const { tenant } = useTenant();
  const [year, setYear] = useState(thisYear());
  const [data, setData] = useState<MyPointsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    setLoading(true);
    setError(null);
    pointsApi
      .mine(tenant.slug, year)
      .then(setData, (e) => setError(problemText(e).title))
      .finally(() => setLoading(false));
  }, [tenant.slug, year]);
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的积分
        </Typography.Title>
        <YearSelect count={3} value={year} onChange={setYear} />
      </Space>
      {error && <Alert type="warning" showIcon title={error} />}
      {loading && !data && <Spin />}
      {data && !error && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Space size="large" wrap>
              <Statistic title="本年积分" value={data.total} suffix="分" />
              <Statistic title="全旗县区名次" value={data.rankInCounty ?? '—'} suffix={data.rankInCounty ? `/ ${data.countyPeople.toLocaleString('zh-CN')}` : undefined} />
              <Statistic title={data.branchName ? `${data.branchName}名次` : '本支部名次'} value={data.rankInBranch ?? '—'} suffix={data.rankInBranch ? `/ ${data.branchPeople.toLocaleString('zh-CN')}` : undefined} />
            </Space>
          </Card>
          <List
            header="积分明细"
            bordered
            locale={{ emptyText: <Empty description="本年还没有积分" /> }}
            dataSource={data.entries}
            renderItem={(e) => (
              <List.Item>
                <div style={{ width: '100%', minWidth: 0 }}>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                      {e.ruleName ?? '积分'}
                    </Typography.Text>
                    <Typography.Text strong type={e.points < 0 ? 'danger' : undefined}>
                      {e.points > 0 ? `+${e.points}` : e.points}
                    </Typography.Text>
                  </Space>
                  <div>
                    <Tag>{kindLabel(e.kind)}</Tag>
                    <Typography.Text type="secondary">{formatTime(e.occurredAt)}</Typography.Text>
                  </div>
                  {e.reason && <Typography.Paragraph type="secondary" style={{ margin: 0, wordBreak: 'break-all' }}>{e.reason}</Typography.Paragraph>}
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
