import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFeedback } from '../../lib/feedback.tsx';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { AlliancePicker } from '../../shared/AlliancePicker.tsx';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { postApi } from './api.ts';

// 设岗定责: antd's form, loaded when first opened (lib/lazy-when-open.tsx); the page draws without antd (docs/adr/0031).

interface CreateValues {
  ownerKind: 'org' | 'alliance';
  ownerOrgId?: string;
  ownerAllianceId?: string;
  title: string;
  duties: string;
  places: number;
  period: [Dayjs, Dayjs];
  skills?: string[];
}

export function CreatePostModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const kind = Form.useWatch('ownerKind', form);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      await postApi.create(tenant.slug, {
        ownerOrgId: v.ownerKind === 'org' ? v.ownerOrgId : undefined,
        ownerAllianceId: v.ownerKind === 'alliance' ? v.ownerAllianceId : undefined,
        title: v.title,
        duties: v.duties,
        places: v.places,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        skills: v.skills ?? [],
      });
      message.success('已设岗');
      form.resetFields();
      onCreated();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="设岗定责" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {problem && <ProblemAlert problem={problem} />}
      <Form form={form} layout="vertical" initialValues={{ ownerKind: 'org', places: 3, period: [dayjs(), dayjs().add(6, 'month')] }}>
        <Form.Item name="ownerKind" label="设岗单位">
          <Radio.Group options={[{ value: 'org', label: '社区（组织）' }, { value: 'alliance', label: '党建联合体' }]} />
        </Form.Item>
        {kind === 'alliance' ? (
          <Form.Item name="ownerAllianceId" label="联合体" rules={[{ required: true, message: '请选择联合体' }]}>
            <AlliancePicker tenant={tenant.slug} />
          </Form.Item>
        ) : (
          <Form.Item name="ownerOrgId" label="社区（组织）" rules={[{ required: true, message: '请选择社区（组织）' }]}>
            <OrgPicker tenant={tenant.slug} />
          </Form.Item>
        )}
        <Form.Item name="title" label="岗位名称" rules={[{ required: true, message: '请填写岗位名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="duties" label="岗位职责" rules={[{ required: true, message: '请填写岗位职责' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="places" label="岗位人数" rules={[{ required: true, message: '请填写岗位人数' }]}>
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="period" label="期限" rules={[{ required: true, message: '请选择期限' }]}>
          <DatePicker.RangePicker format="YYYY-MM-DD" placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item name="skills" label="所需特长（可不填）">
          <Select mode="tags" placeholder="输入后回车，如：医疗、法律、宣讲" maxCount={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
