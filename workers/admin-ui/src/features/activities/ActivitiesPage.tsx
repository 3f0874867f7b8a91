import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '@ronghe/schema/enums';
import { allianceApi } from '../../api/alliance-endpoints.ts';
import { errorText } from '../../api/client.ts';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { useTenant } from '../../tenant.tsx';
import { activitiesApi, type ActivityPage } from './api.ts';
import { activityMonthQuery } from './first-reads.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const STATUS_COLOR: Record<string, string> = { planned: 'blue', held: 'green', cancelled: 'default' };
const kindOptions = ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));

/** 联合体活动: by month, newest first; the alliance (and the county) registers them. */
export default function ActivitiesPage() {
  const { tenant } = useTenant();
  const navigate = useNavigate();
  const [month, setMonth] = useState<Dayjs>(dayjs);
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  // This month's first page may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => activitiesApi.list(tenant.slug, activityMonthQuery(month, kind, page)));
  const [data, setData] = useState<ActivityPage | null>(first.value ?? null);
  const [creating, setCreating] = useState(false);
  const mayManage = tenant.actions.includes('activity.manage');

  const load = useCallback(() => {
    if (first.taken()) return;
    const ctl = new AbortController();
    activitiesApi
      .list(tenant.slug, activityMonthQuery(month, kind, page), ctl.signal)
      .then(setData)
      .catch(() => undefined);
    return () => ctl.abort();
  }, [tenant.slug, month, kind, page, first]);
  useEffect(load, [load]);

  return (
    <Card
      title="联合体活动"
      extra={
        <Space wrap>
          <Button onClick={() => navigate(`/t/${tenant.slug}/activity-compliance`)}>考核完成情况</Button>
          {mayManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              登记活动
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && (setMonth(v), setPage(1))} aria-label="月份" />
        <Select allowClear placeholder="活动类型" style={{ minWidth: 200 }} options={kindOptions} value={kind} onChange={(v) => (setKind(v), setPage(1))} />
      </Space>
      <Table
        rowKey="id"
        data-testid="activity-table"
        dataSource={data?.items ?? []}
        loading={!data}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 项` }}
        onRow={(r) => ({ onClick: () => navigate(`/t/${tenant.slug}/activities/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '日期', render: (_, r) => `${r.activityDate} ${r.startTime}–${r.endTime}`, width: 190 },
          { title: '活动名称', dataIndex: 'title' },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '党建联合体', dataIndex: 'allianceName' },
          { title: '地点', dataIndex: 'place' },
          { title: '状态', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag> },
          { title: '参加人数', dataIndex: 'attendance', align: 'right' },
        ]}
      />
      {creating && <CreateActivityModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/t/${tenant.slug}/activities/${id}`)} />}
    </Card>
  );
}

function CreateActivityModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  const [alliances, setAlliances] = useState<Array<{ value: string; label: string }>>([]);
  const [members, setMembers] = useState<Array<{ value: string; label: string }>>([]);
  const [saving, setSaving] = useState(false);
  const allianceId = Form.useWatch('allianceId', form) as string | undefined;

  useEffect(() => {
    allianceApi
      .list(tenant.slug, { limit: 100 })
      .then((p) => setAlliances(p.items.map((a) => ({ value: a.id, label: a.name }))))
      .catch(() => undefined);
  }, [tenant.slug]);
  useEffect(() => {
    if (!allianceId) return setMembers([]);
    allianceApi
      .get(tenant.slug, allianceId)
      .then((d) => setMembers(d.value.members.filter((m) => !m.leftOn).map((m) => ({ value: m.orgId, label: m.orgName }))))
      .catch(() => setMembers([]));
  }, [tenant.slug, allianceId]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const a = await activitiesApi.create(tenant.slug, {
        allianceId: v.allianceId,
        kind: v.kind,
        title: v.title,
        activityDate: (v.date as Dayjs).format('YYYY-MM-DD'),
        startTime: (v.time[0] as Dayjs).format('HH:mm'),
        endTime: (v.time[1] as Dayjs).format('HH:mm'),
        place: v.place,
        organizerOrgId: v.organizerOrgId,
        participantOrgIds: v.participantOrgIds ?? [],
        ...(v.lat != null && v.lng != null ? { lat: v.lat, lng: v.lng, checkinRadiusM: v.checkinRadiusM ?? null } : {}),
      });
      message.success('活动已登记');
      onCreated(a.id);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记联合体活动" onCancel={onClose} onOk={submit} confirmLoading={saving} okText="登记" cancelText="取消" width={640}>
      <Form form={form} layout="vertical">
        <Form.Item name="allianceId" label="党建联合体" rules={[{ required: true, message: '请选择党建联合体' }]}>
          <Select showSearch optionFilterProp="label" options={alliances} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="kind" label="活动类型" rules={[{ required: true, message: '请选择活动类型' }]}>
          <Select options={kindOptions} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="date" label="活动日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="time" label="起止时间" rules={[{ required: true, message: '请选择起止时间' }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label="活动地点" rules={[{ required: true, message: '请填写活动地点' }]} extra="党群服务中心或成员单位场所">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organizerOrgId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
          <Select options={members} placeholder="先选择联合体" />
        </Form.Item>
        <Form.Item name="participantOrgIds" label="参加单位" extra="不选则为全部成员单位">
          <Select mode="multiple" options={members} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="lat" label="纬度（可选）">
            <InputNumber min={-90} max={90} step={0.0001} />
          </Form.Item>
          <Form.Item name="lng" label="经度（可选）">
            <InputNumber min={-180} max={180} step={0.0001} />
          </Form.Item>
          <Form.Item name="checkinRadiusM" label="限定签到范围（米）">
            <InputNumber min={50} max={5000} />
          </Form.Item>
        </Space>
        {/* A paragraph of its own: inline, it ran on from the coordinates' row and broke mid-sentence. */}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          登记后生成签到二维码和签到码，活动开始前 30 分钟至结束时可签到。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
