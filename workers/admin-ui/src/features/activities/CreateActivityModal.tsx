import { DatePicker, Form, Input, InputNumber, Modal, Select, Space, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { allianceApi } from '../../api/alliance-endpoints.ts';
import { errorText } from '../../api/client.ts';
import { useFeedback } from '../../lib/feedback.tsx';
import { useTenant } from '../../tenant.tsx';
import { activitiesApi } from './api.ts';
import { KIND_OPTIONS } from './labels.ts';

/** 登记联合体活动: drawn when 联合体活动's 登记活动 is pressed (lib/lazy-when-open.tsx), a fresh form each time. */
export function CreateActivityModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
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
          <Select options={KIND_OPTIONS} placeholder="请选择" />
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
