import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { applyNestedErrors, serverIssues } from './formErrors.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import { problemText, type ProblemText } from './problems.ts';
import { useOnOpen } from './useOnOpen.ts';

/** Anything with zod's safeParse: the shared schemas judge each value as the server will. */
export interface Checker {
  safeParse(v: unknown): { success: boolean; error?: { issues: ReadonlyArray<{ message: string }> } };
}

export interface PromptField {
  name: string;
  label: string;
  kind: 'textarea' | 'text' | 'date';
  required?: boolean;
  placeholder?: string;
  /** Validates the value as sent (trimmed text, 'YYYY-MM-DD'). */
  schema?: Checker;
  /** Dates default to today: most decisions are recorded the day they are taken. */
  initial?: string;
  extra?: ReactNode;
  rows?: number;
}

export type PromptValues = Record<string, string | undefined>;

interface Props {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  intro?: ReactNode;
  /** antd form name: inputs get ids `${formName}_${field}`. */
  formName: string;
  fields: readonly PromptField[];
  /** Throws on failure; the modal shows the problem and maps field errors. */
  onSubmit(values: PromptValues): Promise<void>;
  onClose(): void;
}

const DATE = 'YYYY-MM-DD';

function sendable(field: PromptField, raw: unknown): string | undefined {
  if (field.kind === 'date') return raw ? (raw as Dayjs).format(DATE) : undefined;
  return typeof raw === 'string' ? raw.trim() || undefined : undefined;
}

/**
 * The small form every decision needs (a reason, a reply, a date), shared by
 * workflow actions, adjustment decisions and anything else that asks one or
 * two questions before a write.
 */
export function PromptModal({ open, title, okText, danger, intro, formName, fields, onSubmit, onClose }: Props) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  useOnOpen(open, () => {
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(
      Object.fromEntries(fields.map((f) => [f.name, f.kind === 'date' ? (f.initial === undefined ? dayjs() : f.initial ? dayjs(f.initial) : undefined) : f.initial])),
    );
    // fields is rebuilt on every render of the caller; the modal resets only when it opens
  }, [form]);

  const rule = (f: PromptField) => ({
    validator: async (_: unknown, raw: unknown) => {
      const v = sendable(f, raw);
      if (v === undefined) {
        if (f.required) throw new Error(f.kind === 'date' ? `请选择${f.label}` : `请填写${f.label}`);
        return;
      }
      const r = f.schema?.safeParse(v);
      if (r && !r.success) throw new Error(r.error?.issues[0]?.message ?? '格式不正确');
    },
  });

  const submit = async () => {
    setProblem(null);
    let raw: Record<string, unknown>;
    try {
      raw = await form.validateFields();
    } catch {
      return;
    }
    const values: PromptValues = {};
    for (const f of fields) values[f.name] = sendable(f, raw[f.name]);
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const rest = applyNestedErrors(form, serverIssues(err.problem.errors), new Set(fields.map((f) => f.name)));
        setProblem({ title: err.problem.detail, items: rest.filter((m) => m !== err.problem.detail), stale: false });
      } else {
        setProblem(problemText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {intro && <Alert type="info" showIcon title={intro} style={{ marginBottom: 12 }} />}
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name={formName}>
        {fields.map((f) => (
          <Form.Item key={f.name} label={f.label} name={f.name} required={f.required} rules={[rule(f)]} extra={f.extra}>
            {f.kind === 'date' ? (
              <DatePicker style={{ width: 200 }} format={DATE} placeholder="选择日期" />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea rows={f.rows ?? 4} placeholder={f.placeholder} />
            ) : (
              <Input placeholder={f.placeholder} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
