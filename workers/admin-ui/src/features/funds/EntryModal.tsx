import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { FormModal } from '../../lib/FormModal.tsx';
import { yuanToFen } from '../../lib/money.ts';
import { useFormSave } from '../../lib/useFormSave.ts';
import { useTenant } from '../../tenant.tsx';
import { fundsApi, type ContributionCallResult } from './api.ts';
import { SOURCE_OPTIONS } from './labels.ts';

/** What the modal records: an income, a spending, or a 各方筹 call split by 出资比例. */
export type EntryMode = 'income' | 'spending' | 'call';

interface Values {
  source?: string;
  amountYuan?: string;
  occurredOn?: Dayjs;
  voucherNo?: string;
  summary?: string;
  projectId?: string;
}

const FIELDS = new Set(['source', 'amountYuan', 'occurredOn', 'voucherNo', 'summary', 'projectId']);
// The API names the amount in 分; the form asks for 元.
const renamePath = (path: readonly PropertyKey[]) => path.map((p) => (p === 'amountFen' ? 'amountYuan' : p));
const TITLES: Record<EntryMode, string> = { income: '记收入', spending: '记支出', call: '各方筹：按出资比例分摊' };

interface Props {
  mode: EntryMode | null;
  allianceId: string;
  projects: ReadonlyArray<{ projectId: string; title: string }>;
  onClose(done: boolean, call?: ContributionCallResult): void;
}

/** One form for the three ways money enters the books; amounts typed in 元 become 分 exactly (decimal string, no float). */
export function EntryModal({ mode, allianceId, projects, onClose }: Props) {
  const { tenant } = useTenant();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, FIELDS, renamePath);
  useEffect(() => {
    if (mode) save.reset({ occurredOn: dayjs() });
    // reset only when the modal opens
  }, [mode]);
  const submit = async () => {
    const v = await save.validated();
    if (!v || !mode) return;
    const amountFen = yuanToFen(v.amountYuan ?? null)!;
    const common = { amountFen, occurredOn: v.occurredOn!.format('YYYY-MM-DD'), summary: (v.summary ?? '').trim(), ...(v.voucherNo?.trim() ? { voucherNo: v.voucherNo.trim() } : {}) };
    await save.save(async () => {
      if (mode === 'call') onClose(true, await fundsApi.call(tenant.slug, allianceId, common));
      else {
        await fundsApi.record(tenant.slug, allianceId, {
          kind: mode,
          ...common,
          ...(mode === 'income' ? { source: v.source as 'allocation' } : {}),
          ...(mode === 'spending' && v.projectId ? { projectId: v.projectId } : {}),
        });
        onClose(true);
      }
    });
  };
  return (
    <FormModal open={!!mode} title={mode ? TITLES[mode] : ''} state={save} onOk={submit} onCancel={() => onClose(false)} okText={mode === 'call' ? '分摊并记账' : '记账'}>
      <Form form={form} layout="vertical" name="fund-entry">
        {mode === 'income' && (
          <Form.Item name="source" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
            <Select options={SOURCE_OPTIONS} placeholder="上级拨、各方筹、党费补或其他" />
          </Form.Item>
        )}
        <Form.Item
          name="amountYuan"
          label={mode === 'call' ? '筹集总额（元）' : '金额（元）'}
          extra={mode === 'call' ? '按各成员单位约定的出资比例分摊，各份合计恰等于总额（精确到分）' : undefined}
          rules={[
            {
              validator: async (_, raw: string | undefined) => {
                if (!raw?.trim()) throw new Error('请填写金额');
                const fen = yuanToFen(raw);
                if (fen === null) throw new Error('金额须为不超过两位小数的正数，如 1234.56');
                if (fen < 1) throw new Error('金额至少 0.01 元');
                if (fen > 100_000_000_000) throw new Error('金额最多 10 亿元');
              },
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="如 1234.56" suffix="元" />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {mode === 'spending' && (
          <Form.Item name="projectId" label="记到项目（可不选）">
            <Select allowClear options={projects.map((p) => ({ value: p.projectId, label: p.title }))} placeholder="本联合体的项目" notFoundContent="本联合体还没有项目" />
          </Form.Item>
        )}
        <Form.Item name="summary" label="摘要" rules={[{ required: true, whitespace: true, message: '请填写摘要' }, { max: 200, message: '摘要最多 200 个字' }]}>
          <Input placeholder={mode === 'spending' ? '如 购置志愿服务物资' : '如 区委组织部拨付党建经费'} />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号（可不填）" rules={[{ max: 40, message: '凭证号最多 40 个字' }]}>
          <Input placeholder="如 记-2026-001" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
