import { PersonCreateSchema } from '@ronghe/schema';
import { Form, Input, Radio, Select, Switch } from 'antd';
import type { Versioned } from '../../api/endpoints.ts';
import { peopleApi, type PersonView } from '../../api/people-endpoints.ts';
import { FormModal } from '../../lib/FormModal.tsx';
import { useFormSave } from '../../lib/useFormSave.ts';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { PARTY_STANDING_OPTIONS, PERSON_KIND_OPTIONS } from './labels.ts';
import { useOnOpen } from '../../lib/useOnOpen.ts';

interface FormValues {
  name?: string;
  kind?: 'party_member' | 'volunteer';
  partyStanding?: '正式' | '预备' | null;
  homeOrgId?: string | null;
  inService?: boolean;
  workUnit?: string | null;
  skills?: string[];
  phone?: string | null;
  idNumber?: string | null;
}
const FIELDS: ReadonlySet<string> = new Set(['name', 'kind', 'partyStanding', 'homeOrgId', 'inService', 'workUnit', 'skills', 'phone', 'idNumber']);
const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/** 登记 or 编辑 a person. A masked phone or identity number left as shown is not sent: it stays as registered. */
export function PersonFormModal({
  open,
  person,
  onClose,
  onSaved,
}: {
  open: boolean;
  person: Versioned<PersonView> | null;
  onClose(): void;
  onSaved(saved: Versioned<PersonView>): void;
}) {
  const { tenant } = useTenant();
  const [form] = Form.useForm<FormValues>();
  const save = useFormSave(form, FIELDS);
  const kind = Form.useWatch('kind', form);
  const p = person?.value;

  useOnOpen(open, () => {
    save.reset(
      p
        ? { name: p.name, kind: p.kind, partyStanding: p.partyStanding, homeOrgId: p.homeOrgId, inService: p.inService, workUnit: p.workUnit, skills: p.skills, phone: p.phone, idNumber: p.idNumber }
        : { kind: 'party_member', partyStanding: '正式', inService: false, skills: [] },
    );
  }, [p?.id]);

  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    const input = {
      name: v.name?.trim() ?? '',
      kind: v.kind ?? 'party_member',
      partyStanding: v.kind === 'volunteer' ? null : (v.partyStanding ?? null),
      homeOrgId: v.homeOrgId ?? null,
      inService: v.inService ?? false,
      workUnit: blank(v.workUnit),
      skills: v.skills ?? [],
      phone: blank(v.phone),
      idNumber: blank(v.idNumber),
    };
    // Masked values the form was given come back unchanged: leave them out of the write.
    const body: Record<string, unknown> = { ...input };
    if (p && p.piiMasked && input.phone === p.phone) delete body.phone;
    if (p && (p.piiMasked || p.idNumber === null) && input.idNumber === p.idNumber) delete body.idNumber;
    const issues = PersonCreateSchema.safeParse(p ? { ...input, ...body } : body);
    if (!issues.success && !p) {
      save.showIssues(issues.error.issues.map((i) => ({ path: i.path, message: i.message })));
      return;
    }
    await save.save(async () => {
      const saved = p && person ? await peopleApi.update(tenant.slug, p.id, person.etag, body) : await peopleApi.create(tenant.slug, input);
      onSaved(saved);
    });
  };

  return (
    <FormModal open={open} title={p ? `编辑人员：${p.name}` : '登记人员'} width={560} state={save} onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" name="person-form">
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label="人员类别">
          <Radio.Group options={PERSON_KIND_OPTIONS} optionType="button" />
        </Form.Item>
        {kind !== 'volunteer' && (
          <Form.Item name="partyStanding" label="党员类别" rules={[{ required: true, message: '请选择党员类别' }]}>
            <Select options={PARTY_STANDING_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item name="homeOrgId" label="所属党组织" extra="一方隶属：党员所在的党支部（或其他党组织）" rules={kind !== 'volunteer' ? [{ required: true, message: '请选择所属党组织' }] : []}>
          <OrgPicker tenant={tenant.slug} placeholder="搜索党组织" known={p?.homeOrgId ? [{ id: p.homeOrgId, name: p.homeOrgName ?? '' }] : undefined} />
        </Form.Item>
        <Form.Item name="inService" label="在职党员（向社区双报到）" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="workUnit" label="工作单位">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="skills" label="特长" extra="最多 10 项，输入后回车">
          <Select mode="tags" maxCount={10} open={false} placeholder="如 医疗、法律、电工" />
        </Form.Item>
        <Form.Item name="phone" label="手机号">
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号（选填）">
          <Input maxLength={18} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
