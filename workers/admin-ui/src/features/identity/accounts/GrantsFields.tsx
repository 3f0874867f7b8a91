import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Typography, type FormInstance } from 'antd';
import type { GrantInput } from '../../../api/admin-endpoints.ts';
import type { Role, Tenant } from '../../../api/types.ts';
import type { NamePath } from './fieldErrors.ts';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { grantableRoles, ROLE_SCOPE, roleLabel } from './roles.ts';

export interface GrantRow {
  role?: Role;
  scopeOrgId?: string | null;
}

interface Props {
  tenant: Tenant;
  /** Organization names of the grants being edited, for the pickers' initial labels. */
  known?: ReadonlyArray<{ id: string; name: string }>;
}

// An external organization only ever takes part as a member: no account of any role is granted for it (issue 10).
const NOT_EXTERNAL = { external: 'false' } as const;

/** The grants editor shared by the create and the change-roles forms (a Form.List named `grants`). */
export function GrantsFields({ tenant, known }: Props) {
  const form = Form.useFormInstance();
  const roleOptions = grantableRoles(tenant).map((r) => ({ value: r, label: roleLabel(r) }));
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_, rows: GrantRow[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error('至少授予一个角色');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <div
              key={field.key}
              data-testid={`grant-row-${index}`}
              style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '12px 12px 0', marginBottom: 12 }}
            >
              <Row gutter={12} wrap={false}>
                <Col flex="240px">
                  <Form.Item name={[field.name, 'role']} label={`角色 ${index + 1}`} rules={[{ required: true, message: '请选择角色' }]}>
                    <Select
                      options={roleOptions}
                      placeholder="请选择角色"
                      popupMatchSelectWidth={false}
                      // The organization a role needs differs by role: never carry one over.
                      onChange={() => form.setFieldValue(['grants', field.name, 'scopeOrgId'], null)}
                    />
                  </Form.Item>
                </Col>
                <Col flex="auto" style={{ minWidth: 0 }}>
                  <Form.Item
                    noStyle
                    // shouldUpdate, not dependencies: it also sees values set by code (the edit form's initial grants).
                    shouldUpdate={(prev: { grants?: GrantRow[] }, next: { grants?: GrantRow[] }) =>
                      prev.grants?.[field.name]?.role !== next.grants?.[field.name]?.role
                    }
                  >
                    {({ getFieldValue }) => {
                      const role = getFieldValue(['grants', field.name, 'role']) as Role | undefined;
                      const scope = role ? ROLE_SCOPE[role] : undefined;
                      if (!scope) {
                        return (
                          <Form.Item label="适用范围">
                            <Typography.Text type="secondary">{role ? `本级全部（${tenant.name}）` : '请先选择角色'}</Typography.Text>
                          </Form.Item>
                        );
                      }
                      return (
                        <Form.Item
                          name={[field.name, 'scopeOrgId']}
                          label={scope.label}
                          extra={scope.help}
                          rules={scope.required ? [{ required: true, message: scope.required }] : []}
                        >
                          <OrgPicker tenant={tenant.slug} domains={scope.domains} filter={NOT_EXTERNAL} known={known} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col flex="32px" style={{ paddingTop: 30 }}>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={`移除角色 ${index + 1}`}
                      title="移除该角色"
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Col>
              </Row>
            </div>
          ))}
          <Form.Item>
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 10}>
              添加角色
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}

/** The request body for the form's rows: an organization only for roles bound to one. */
export function grantsPayload(rows: GrantRow[] | undefined): GrantInput[] {
  return (rows ?? []).map((g) => {
    const role = g.role as Role;
    return ROLE_SCOPE[role] && g.scopeOrgId ? { role, scopeOrgId: g.scopeOrgId } : { role };
  });
}

/** Marks rows that repeat an earlier row (same role and organization); true when there were none. */
export function checkDuplicateGrants(form: FormInstance, rows: GrantRow[] | undefined): boolean {
  const seen = new Map<string, number>();
  const fields: Array<{ name: NamePath; errors: string[] }> = [];
  (rows ?? []).forEach((g, i) => {
    const key = `${g.role}|${(g.role && ROLE_SCOPE[g.role] && g.scopeOrgId) || ''}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else fields.push({ name: ['grants', i, 'role'], errors: [`与角色 ${first + 1} 重复`] });
  });
  form.setFields(fields);
  return fields.length === 0;
}
