import { ProjectCompleteSchema } from '@ronghe/schema';
import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { ProjectDetail } from '../../../api/project-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { useFormSave } from '../../../lib/useFormSave.ts';

interface Values {
  beneficiaries?: number | null;
  deliveredQty?: number | null;
  outcomeNote?: string;
  onDate?: Dayjs | null;
}
const FIELDS = new Set(['beneficiaries', 'deliveredQty', 'outcomeNote', 'onDate']);

/** 报告完成: the claimant reports the outcome (受益人数, 完成数量, 成效说明) for the alliance to accept. */
export function CompleteModal({
  open,
  project,
  onSubmit,
  onClose,
}: {
  open: boolean;
  project: ProjectDetail;
  onSubmit(body: { beneficiaries: number; deliveredQty: number; outcomeNote: string; onDate?: string }): Promise<void>;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, FIELDS);
  // What the linked needs still ask for is the natural default for the delivered quantity.
  const asked = project.allocations.filter((a) => a.state !== 'released').reduce((s, a) => s + a.quantity, 0);
  const unit = project.allocations[0]?.unit;

  useEffect(() => {
    if (open) save.reset({ onDate: dayjs(), deliveredQty: asked || undefined });
  }, [open, form]);

  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    const parsed = ProjectCompleteSchema.safeParse({
      beneficiaries: Number(v.beneficiaries ?? NaN),
      deliveredQty: Number(v.deliveredQty ?? NaN),
      outcomeNote: v.outcomeNote?.trim() ?? '',
      ...(v.onDate ? { onDate: v.onDate.format('YYYY-MM-DD') } : {}),
    });
    if (!parsed.success) return save.showIssues(parsed.error.issues);
    await save.save(() => onSubmit(parsed.data));
  };

  return (
    <FormModal open={open} title={`报告完成：${project.title}`} okText="报告完成" state={save} onOk={submit} onCancel={onClose}>
      <Form form={form} name="action-complete" layout="vertical">
        <Form.Item label="受益人数" name="beneficiaries" rules={[{ required: true, message: '请填写受益人数' }]}>
          <InputNumber min={0} precision={0} suffix="人" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="完成数量" name="deliveredQty" rules={[{ required: true, message: '请填写完成数量' }]} extra={asked ? `关联需求共 ${asked} ${unit ?? ''}` : undefined}>
          <InputNumber min={0} precision={0} suffix={unit} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="成效说明" name="outcomeNote" rules={[{ required: true, whitespace: true, message: '请填写成效说明' }]}>
          <Input.TextArea rows={4} maxLength={5000} placeholder="做了什么、解决了哪些问题、群众评价如何" />
        </Form.Item>
        <Form.Item label="完成日期" name="onDate">
          <DatePicker format="YYYY-MM-DD" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
