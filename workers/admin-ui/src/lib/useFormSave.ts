import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { applyNestedErrors, serverIssues, toNamePath } from './formErrors.ts';
import { problemText, type ProblemText } from './problems.ts';

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The save cycle every form modal shares: antd's own rules, then the shared
 * schema's issues on their fields, then the write. A 422 puts the server's
 * messages back on the fields, a 412 fetches the fresh copy (through `onStale`)
 * and says so, anything else shows above the form.
 *
 * `fields` are the form's top-level names; an issue on any other path is listed
 * above the form. `renamePath` maps an API path onto the form's (amountFen → amountYuan).
 */
export function useFormSave<V>(form: FormInstance<V>, fields: ReadonlySet<string>, renamePath?: (path: readonly PropertyKey[]) => readonly PropertyKey[]) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  const showIssues = (issues: readonly Issue[], summary?: string) => {
    const named = renamePath ? issues.map((i) => ({ path: renamePath(i.path), message: i.message })) : issues;
    const items = applyNestedErrors(form, named, fields).filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary || '请检查以下内容', items, stale: false } : null);
    // The first field the server named comes into view with its message (after the alert's own scroll).
    const first = named.find((i) => i.path.length && fields.has(String(i.path[0])));
    if (first) window.setTimeout(() => form.scrollToField(toNamePath(first.path), { block: 'center' }), 0);
  };

  /** The modal opened: no problem from last time, these values in the fields. */
  const reset = (values?: Parameters<FormInstance<V>['setFieldsValue']>[0]) => {
    setProblem(null);
    form.resetFields();
    if (values) form.setFieldsValue(values);
  };

  /** The values once antd's rules pass; undefined when one failed (antd shows it at its field). */
  const validated = async (): Promise<V | undefined> => {
    setProblem(null);
    try {
      return await form.validateFields();
    } catch {
      return undefined;
    }
  };

  const save = async (write: () => Promise<void>, onStale?: () => Promise<void>) => {
    setSaving(true);
    try {
      await write();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        showIssues(serverIssues(err.problem.errors), err.problem.detail);
      } else {
        setProblem(problemText(err));
        if (err instanceof ApiError && err.status === 412 && onStale) await onStale();
      }
    } finally {
      setSaving(false);
    }
  };

  return { saving, problem, showIssues, reset, validated, save };
}

/** What a form modal shows of its save cycle. */
export type FormSave = Pick<ReturnType<typeof useFormSave>, 'saving' | 'problem'>;
