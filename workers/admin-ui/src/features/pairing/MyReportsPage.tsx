import { Alert, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import { pairingApi } from '../../api/pairing-endpoints.ts';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { hoursText as hours } from '../../lib/time.ts';
import { REPORT_STATUS_LABELS } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

// 我的报到 (phone-first, 390 px): the communities I report to, this year's
// service against the county's standard, my 记实档案, and reporting to a community.

type Mine = Awaited<ReturnType<typeof pairingApi.mine>>;

export default function MyReportsPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [data, setData] = useState<Mine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [community, setCommunity] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const load = useCallback(async () => {
    try {
      setData(await pairingApi.mine(tenant.slug));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [tenant.slug]);
  useEffect(() => {
    void load();
  }, [load]);
  const report = async () => {
    if (!community) return;
    setSaving(true);
    try {
      await pairingApi.reportMyself(tenant.slug, community);
      message.success('已报到');
      setCommunity(null);
      await load();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  const s = data?.standard;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        我的报到
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {data && s && (
        <Card size="small" title={`${data.year} 年服务社区`}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              服务 {data.recordsThisYear} 次（标准 {s.memberMinRecords} 次），累计 {hours(data.minutesThisYear)}（标准 {hours(s.memberMinMinutes)}）
            </Typography.Text>
            <Progress percent={s.memberMinRecords ? Math.min(100, Math.round((data.recordsThisYear / s.memberMinRecords) * 100)) : 100} size="small" />
          </Space>
        </Card>
      )}
      <Card size="small" title="报到的社区">
        {/* One empty state: the list's own "暂无数据" would stand under this one. */}
        {data && data.reports.length === 0 && <Empty description="尚未到社区报到" />}
        {data && data.reports.length > 0 && (
          <List
            dataSource={data.reports}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <span>{r.community.name}</span>
                  <Tag color={r.status === 'active' ? 'green' : 'default'}>{REPORT_STATUS_LABELS[r.status]}</Tag>
                  <Typography.Text type="secondary">{r.reportedOn} 报到</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <OrgPicker tenant={tenant.slug} domains={['社区']} placeholder="选择要报到的社区" value={community} onChange={setCommunity} style={{ width: '100%' }} />
          <Button type="primary" block disabled={!community} loading={saving} onClick={() => void report()}>
            到社区报到
          </Button>
        </Space>
      </Card>
      <Card size="small" title="我的记实档案">
        {data && data.records.length === 0 && <Empty description="还没有服务记录" />}
        {data && data.records.length > 0 && (
          <List
            dataSource={data.records}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta title={`${r.servedOn} · ${r.community.name}`} description={`${r.content}（${hours(r.minutes)}）`} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
