import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { activitiesApi, type MyActivity } from './api.ts';

function Items({ items, empty }: { items: MyActivity[]; empty: string }) {
  if (!items.length) return <Empty description={empty} />;
  return (
    <List
      dataSource={items}
      renderItem={(a) => (
        <List.Item>
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Typography.Text strong>{a.title}</Typography.Text>
            <Typography.Text type="secondary">{`${a.activityDate} ${a.startTime}–${a.endTime} · ${a.place}`}</Typography.Text>
            <Space wrap size={4}>
              <Tag>{a.kindLabel}</Tag>
              <Typography.Text type="secondary">{a.allianceName}</Typography.Text>
              {a.checkedInAt !== null && <Tag color="green">已签到</Tag>}
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 我的活动 (phone-first): what is coming for my branch, and what I attended. */
export default function MyActivitiesPage() {
  const { tenant } = useTenant();
  const [data, setData] = useState<{ upcoming: MyActivity[]; attended: MyActivity[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    activitiesApi.mine(tenant.slug).then(setData, (e) => setError(errorText(e)));
  }, [tenant.slug]);
  if (error) return <Card title="我的活动">{error}</Card>;
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }} size="middle">
      <Card title="即将开展" loading={!data} extra={<Link to={`/t/${tenant.slug}/my/checkin`}>签到</Link>}>
        {data && <Items items={data.upcoming} empty="近期没有本支部参加的活动" />}
      </Card>
      <Card title="我参加过的活动" loading={!data}>
        {data && <Items items={data.attended} empty="还没有签到记录" />}
      </Card>
    </Space>
  );
}
