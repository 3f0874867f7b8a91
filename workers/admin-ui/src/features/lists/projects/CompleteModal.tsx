import { ProjectCompleteSchema } from '@ronghe/schema';
import { DatePicker, Form, Input, InputNumber, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ProjectDetail } from '../../../api/project-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { useFormSave } from '../../../lib/useFormSave.ts';
import { useOnOpen } from '../../../lib/useOnOpen.ts';

type Allocation = ProjectDetail['allocations'][number];

interface Values {
  beneficiaries?: number | null;
  deliveredQty?: number | null;
  /** One row per promised allocation, in the order of `promised`, when the project serves several needs. */
  allocations?: Array<{ id: string; deliveredQty?: number | null }>;
  outcomeNote?: string;
  onDate?: Dayjs | null;
}
const FIELDS = new Set(['beneficiaries', 'deliveredQty', 'allocations', 'outcomeNote', 'onDate']);

/** What acceptance will settle: the allocations still promised (released ones are history). */
const isPromised = (a: Allocation) => a.state === 'committed' || a.state === 'in_delivery';
const sumOf = (rows: Values['allocations']) => (rows ?? []).reduce((s, r) => s + (r.deliveredQty ?? 0), 0);

/**
 * 报告完成: the claimant reports the outcome (受益人数, 完成数量, 成效说明) for the alliance to accept.
 * A project serving several needs reports what each got (ADR 0016): acceptance fulfils each need by
 * its own delivered quantity and returns the rest to it, so one total cannot say which need fell short.
 */
export function CompleteModal({
  open,
  project,
  onSubmit,
  onClose,
}: {
  open: boolean;
  project: ProjectDetail;
  onSubmit(body: { beneficiaries: number; deliveredQty: number; outcomeNote: string; onDate?: string; allocations?: Array<{ id: string; deliveredQty: number }> }): Promise<void>;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, FIELDS);
  const promised = project.allocations.filter(isPromised);
  const perNeed = promised.length > 1;
  // What the linked needs still ask for is the natural default for the delivered quantity.
  const asked = project.allocations.filter((a) => a.state !== 'released').reduce((s, a) => s + a.quantity, 0);
  const units = [...new Set(promised.map((a) => a.unit))];
  const unit = perNeed ? (units.length === 1 ? units[0] : undefined) : project.allocations[0]?.unit;

  useOnOpen(open, () => {
    if (perNeed) {
      const rows = promised.map((a) => ({ id: a.id, deliveredQty: a.quantity }));
      save.reset({ onDate: dayjs(), allocations: rows, deliveredQty: sumOf(rows) });
    } else save.reset({ onDate: dayjs(), deliveredQty: asked || undefined });
  }, [form]);

  // The total is the sum of the rows, as the API requires; it is shown, not typed.
  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if (perNeed && changed.allocations) form.setFieldValue('deliveredQty', sumOf(all.allocations));
  };

  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    const rows = perNeed ? promised.map((a, i) => ({ id: a.id, deliveredQty: Number(v.allocations?.[i]?.deliveredQty ?? NaN) })) : undefined;
    const parsed = ProjectCompleteSchema.safeParse({
      beneficiaries: Number(v.beneficiaries ?? NaN),
      deliveredQty: rows ? rows.reduce((s, r) => s + r.deliveredQty, 0) : Number(v.deliveredQty ?? NaN),
      outcomeNote: v.outcomeNote?.trim() ?? '',
      ...(v.onDate ? { onDate: v.onDate.format('YYYY-MM-DD') } : {}),
      ...(rows ? { allocations: rows } : {}),
    });
    if (!parsed.success) return save.showIssues(parsed.error.issues);
    await save.save(() => onSubmit(parsed.data));
  };

  return (
    <FormModal open={open} title={`报告完成：${project.title}`} okText="报告完成" state={save} onOk={submit} onCancel={onClose} width={perNeed ? 720 : undefined}>
      <Form form={form} name="action-complete" layout="vertical" onValuesChange={onValuesChange}>
        <Form.Item label="受益人数" name="beneficiaries" rules={[{ required: true, message: '请填写受益人数' }]}>
          <InputNumber min={0} precision={0} suffix="人" style={{ width: 200 }} />
        </Form.Item>
        {perNeed ? (
          <>
            <Form.Item label="逐项完成数量" extra="按每项需求实际完成的数量填写；少于承诺的部分，验收后退回需求清单">
              <Table<Allocation>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={promised}
                columns={[
                  { title: '需求', dataIndex: 'needTitle', ellipsis: true },
                  { title: '承诺数量', key: 'promised', width: 110, render: (_, a) => `${a.quantity} ${a.unit}` },
                  {
                    title: '完成数量',
                    key: 'delivered',
                    width: 190,
                    render: (_, a, i) => (
                      <>
                        <Form.Item name={['allocations', i, 'id']} hidden>
                          <Input />
                        </Form.Item>
                        <Form.Item name={['allocations', i, 'deliveredQty']} style={{ margin: 0 }} rules={[{ required: true, message: '请填写完成数量' }]}>
                          <InputNumber aria-label={`${a.needTitle}的完成数量`} min={0} max={a.quantity} precision={0} suffix={a.unit} style={{ width: 160 }} />
                        </Form.Item>
                      </>
                    ),
                  },
                ]}
              />
            </Form.Item>
            <Form.Item label="完成数量（合计）" name="deliveredQty" extra={`承诺共 ${promised.reduce((s, a) => s + a.quantity, 0)}${unit ? ` ${unit}` : ''}`}>
              <InputNumber disabled suffix={unit} style={{ width: 200 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item label="完成数量" name="deliveredQty" rules={[{ required: true, message: '请填写完成数量' }]} extra={asked ? `关联需求共 ${asked} ${unit ?? ''}` : undefined}>
            <InputNumber min={0} precision={0} suffix={unit} style={{ width: 200 }} />
          </Form.Item>
        )}
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
