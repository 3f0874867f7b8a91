import { Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorText } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { ActivityPhotos } from './ActivityPhotos.tsx';
import { activitiesApi, checkinUrl, type ActivityDetail } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const time = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** An activity: the big QR code and short code members scan or type, and who attended. */
export default function ActivityDetailPage() {
  const { tenant } = useTenant();
  const { id = '' } = useParams();
  const { message } = useFeedback();
  const [a, setA] = useState<ActivityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [svg, setSvg] = useState('');
  const mayManage = tenant.actions.includes('activity.manage');

  const load = useCallback(() => {
    activitiesApi.get(tenant.slug, id).then(setA, (e) => setError(errorText(e)));
  }, [tenant.slug, id]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!a) return;
    QRCode.toString(checkinUrl(tenant.slug, a.code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setSvg, () => setSvg(''));
  }, [a, tenant.slug]);

  const setStatus = async (status: 'held' | 'cancelled') => {
    if (!a) return;
    try {
      setA(await activitiesApi.update(tenant.slug, a.id, a.version, { status }));
      message.success(status === 'held' ? '已标记为已开展' : '活动已取消');
    } catch (err) {
      message.error(errorText(err));
    }
  };

  if (error) return <Card title="活动">{error}</Card>;
  if (!a) return <Card loading title="活动" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={a.title}
        extra={
          mayManage &&
          a.status !== 'cancelled' && (
            <Space wrap>
              {a.status === 'planned' && <Button onClick={() => setStatus('held')}>标记为已开展</Button>}
              <Popconfirm title="确定取消这次活动？" okText="取消活动" cancelText="返回" onConfirm={() => setStatus('cancelled')}>
                <Button danger>取消活动</Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="党建联合体">{a.allianceName}</Descriptions.Item>
          <Descriptions.Item label="活动类型">{a.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="时间">{`${a.activityDate} ${a.startTime}–${a.endTime}`}</Descriptions.Item>
          <Descriptions.Item label="地点">{a.place}</Descriptions.Item>
          <Descriptions.Item label="组织单位">{a.organizer.name}</Descriptions.Item>
          <Descriptions.Item label="参加单位">{a.participants.map((p) => p.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{a.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="参加人数">{a.attendance}</Descriptions.Item>
          {a.summary && <Descriptions.Item label="活动纪实">{a.summary}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {a.status !== 'cancelled' && (
        <Card title="扫码签到">
          <Space wrap align="center" size="large">
            <div aria-label="签到二维码" style={{ width: 240, height: 240 }} dangerouslySetInnerHTML={{ __html: svg }} />
            <Space orientation="vertical">
              <Typography.Text type="secondary">签到码</Typography.Text>
              <Typography.Title level={1} style={{ letterSpacing: 8, margin: 0 }} data-testid="checkin-code">
                {a.code}
              </Typography.Title>
              <Typography.Text type="secondary">{`签到时间：${time(a.checkinOpensAt)} 至 ${time(a.checkinClosesAt)}`}</Typography.Text>
              {a.checkinRadiusM !== null && <Typography.Text type="secondary">{`须在活动地点 ${a.checkinRadiusM} 米内签到`}</Typography.Text>}
            </Space>
          </Space>
        </Card>
      )}
      <ActivityPhotos tenant={tenant.slug} activityId={a.id} canManage={mayManage && a.status !== 'cancelled'} />
      <Card title={`参加人员（${a.checkins.length}）`}>
        <Table
          rowKey="id"
          size="small"
          dataSource={a.checkins}
          pagination={false}
          columns={[
            { title: '姓名', dataIndex: 'personName' },
            { title: '方式', dataIndex: 'methodLabel' },
            { title: '时间', render: (_, c) => time(c.at) },
          ]}
        />
      </Card>
    </Space>
  );
}
