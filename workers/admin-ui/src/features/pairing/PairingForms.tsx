import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { pairingApi } from '../../api/pairing-endpoints.ts';
import { FormModal } from '../../lib/FormModal.tsx';
import { useFormSave } from '../../lib/useFormSave.ts';
import { OrgPicker } from '../../shared/OrgPicker.tsx';

// 双报到's three forms (年度标准, 登记结对, 记实): antd, loaded when first opened (lib/lazy-when-open.tsx);
// the page itself draws without antd (docs/adr/0031). Each saves through lib/useFormSave.ts as every
// other form modal does: the save button spins (a second press writes nothing twice), the server's
// 422 puts its messages on the fields, any other refusal shows above the buttons.

type Compliance = Awaited<ReturnType<typeof pairingApi.compliance>>;
type Named = { id: string; name: string };
const ORGAN_DOMAINS = ['机关', '事业单位', '国有企业', '非公有制企业', '互联网企业', '学校', '医院', '社会组织'];
const dateText = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
// The API counts minutes; the forms ask for hours.
const minutesAsHours = (field: string) => (path: readonly PropertyKey[]) => path.map((p) => (p === 'memberMinMinutes' || p === 'minutes' ? field : p));

interface StandardValues {
  memberMinRecords: number;
  memberMinHours: number;
  orgMinRecords: number;
}
const STANDARD_FIELDS = new Set(['memberMinRecords', 'memberMinHours', 'orgMinRecords']);
const standardPath = minutesAsHours('memberMinHours');

export function StandardModal({ tenant, year, current, onClose }: { tenant: string; year: number; current: Compliance['standard']; onClose(saved: boolean): void }) {
  const [form] = Form.useForm<StandardValues>();
  const save = useFormSave(form, STANDARD_FIELDS, standardPath);
  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    await save.save(async () => {
      await pairingApi.setStandard(tenant, year, { memberMinRecords: v.memberMinRecords, memberMinMinutes: Math.round(v.memberMinHours * 60), orgMinRecords: v.orgMinRecords });
      onClose(true);
    });
  };
  return (
    <FormModal open title={`${year} 年双报到达标标准`} state={save} onOk={() => void submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" name="pairing-standard" initialValues={{ memberMinRecords: current.memberMinRecords, memberMinHours: current.memberMinMinutes / 60, orgMinRecords: current.orgMinRecords }}>
        <Form.Item name="memberMinRecords" label="每名在职党员年度最少服务次数" rules={[{ required: true, message: '请填写次数' }]}>
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="memberMinHours" label="每名在职党员年度最少服务时长（小时）" rules={[{ required: true, message: '请填写时长' }]}>
          <InputNumber min={0} max={8760} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgMinRecords" label="每个单位年度党员服务合计最少次数" rules={[{ required: true, message: '请填写次数' }]}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface PairingValues {
  orgId: string;
  communityOrgId: string;
  pairedOn: Dayjs;
  agreement?: string;
  contactName?: string;
  contactPhone?: string;
}
const PAIRING_FIELDS = new Set(['orgId', 'communityOrgId', 'pairedOn', 'agreement', 'contactName', 'contactPhone']);

export function PairingFormModal({ tenant, onClose }: { tenant: string; onClose(saved: boolean): void }) {
  const [form] = Form.useForm<PairingValues>();
  const save = useFormSave(form, PAIRING_FIELDS);
  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    await save.save(async () => {
      await pairingApi.createPairing(tenant, {
        orgId: v.orgId,
        communityOrgId: v.communityOrgId,
        pairedOn: dateText(v.pairedOn)!,
        agreement: v.agreement ?? '',
        contactName: v.contactName || null,
        contactPhone: v.contactPhone || null,
      });
      onClose(true);
    });
  };
  return (
    <FormModal open title="登记单位与社区结对" state={save} onOk={() => void submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" name="pairing-new">
        <Form.Item name="orgId" label="报到单位党组织（机关、企事业单位）" rules={[{ required: true, message: '请选择报到单位' }]}>
          <OrgPicker tenant={tenant} domains={ORGAN_DOMAINS} placeholder="输入名称搜索" />
        </Form.Item>
        <Form.Item name="communityOrgId" label="结对社区党组织" rules={[{ required: true, message: '请选择社区' }]}>
          <OrgPicker tenant={tenant} domains={['社区']} placeholder="输入社区名称搜索" />
        </Form.Item>
        <Form.Item name="pairedOn" label="结对日期" rules={[{ required: true, message: '请选择结对日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agreement" label="共建协议内容">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label="联系人">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input maxLength={20} />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}

interface RecordValues {
  communityOrgId: string;
  personId: string;
  servedOn: Dayjs;
  content: string;
  hours: number;
}
const RECORD_FIELDS = new Set(['communityOrgId', 'personId', 'servedOn', 'content', 'hours']);
const recordPath = minutesAsHours('hours');

export function RecordFormModal({ tenant, community, onClose }: { tenant: string; community: string | null; onClose(saved: boolean): void }) {
  const [form] = Form.useForm<RecordValues>();
  const save = useFormSave(form, RECORD_FIELDS, recordPath);
  const communityOrgId = Form.useWatch('communityOrgId', form);
  const [people, setPeople] = useState<Named[]>([]);
  useEffect(() => {
    if (!communityOrgId) return setPeople([]);
    void pairingApi.reports(tenant, { communityOrgId, status: 'active', limit: 100 }).then((p) => setPeople(p.items.map((r) => r.person)), () => setPeople([]));
  }, [tenant, communityOrgId]);
  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    await save.save(async () => {
      await pairingApi.addRecord(tenant, { personId: v.personId, communityOrgId: v.communityOrgId, servedOn: dateText(v.servedOn)!, content: v.content, minutes: Math.round(v.hours * 60) });
      onClose(true);
    });
  };
  return (
    <FormModal open title="记实：在职党员服务社区" state={save} onOk={() => void submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" name="pairing-record" initialValues={{ communityOrgId: community ?? undefined, hours: 2 }}>
        <Form.Item name="communityOrgId" label="社区党组织" rules={[{ required: true, message: '请选择社区' }]}>
          <OrgPicker tenant={tenant} domains={['社区']} placeholder="输入社区名称搜索" />
        </Form.Item>
        <Form.Item name="personId" label="报到党员" rules={[{ required: true, message: '请选择已到本社区报到的党员' }]}>
          <Select showSearch optionFilterProp="label" options={people.map((p) => ({ value: p.id, label: p.name }))} placeholder="先选择社区" />
        </Form.Item>
        <Form.Item name="servedOn" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="content" label="服务内容" rules={[{ required: true, min: 2, message: '请填写服务内容（至少 2 个字）' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="hours" label="服务时长（小时）" rules={[{ required: true, message: '请填写时长' }]}>
          <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
