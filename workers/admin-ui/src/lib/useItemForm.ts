import type { FormInstance } from 'antd';
import { useFeedback } from './feedback.tsx';
import { useRef, useState } from 'react';
import type { Versioned } from '../api/endpoints.ts';
import { type Issue, useFormSave } from './useFormSave.ts';
import { useOnOpen } from './useOnOpen.ts';

/** What a submit comes to before anything is sent: nothing changed, the schema's issues, or the write. */
export type SavePlan<R> = 'unchanged' | { issues: readonly Issue[] } | { write(): Promise<R> };

type Checked<B> = { success: true; data: B } | { success: false; error: { issues: readonly Issue[] } };

/**
 * A body judged by its shared schema (as the server will judge it): its issues,
 * or the write of the parsed body. An empty body (an edit that changed nothing) is 'unchanged'.
 */
export function planSave<B, R>(body: Record<string, unknown>, check: (body: unknown) => Checked<B>, write: (parsed: B) => Promise<R>): SavePlan<R> {
  if (Object.keys(body).length === 0) return 'unchanged';
  const parsed = check(body);
  if (!parsed.success) return { issues: parsed.error.issues };
  return { write: () => write(parsed.data) };
}

interface Options<T, V> {
  open: boolean;
  /** Edit this item; create when absent. */
  item?: Versioned<T>;
  form: FormInstance<V>;
  fields: ReadonlySet<string>;
  renamePath?: (path: readonly PropertyKey[]) => readonly PropertyKey[];
  toForm(item: T): V;
  /** A new item's first values. */
  blank(): V;
  /** The message once saved (已登记需求“…”). */
  savedText(saved: T, mode: 'create' | 'edit'): string;
  /** After a 412: the item read afresh, or undefined when that failed. */
  onStale?(): Promise<Versioned<T> | undefined>;
}

/**
 * The form of one versioned item, to create or edit it: filled when the modal
 * opens, saved through a plan (create or only the changes), and after a 412
 * refilled from the fresh copy so the retry carries its version.
 */
export function useItemForm<T, V>(options: Options<T, V>) {
  const { open, item, form, fields, renamePath } = options;
  const { message } = useFeedback();
  const [current, setCurrent] = useState(item);
  const save = useFormSave(form, fields, renamePath);
  const latest = useRef(options);
  latest.current = options;

  useOnOpen(open, () => {
    setCurrent(item);
    save.reset(item ? latest.current.toForm(item.value) : latest.current.blank());
    // reset only when the modal opens or is handed another item
  }, [item, form]);

  const mode = item ? ('edit' as const) : ('create' as const);
  const submit = async (plan: (values: V, current?: Versioned<T>) => SavePlan<Versioned<T>>, onSaved: (saved: Versioned<T>) => void) => {
    const values = await save.validated();
    if (!values) return;
    const p = plan(values, current);
    if (p === 'unchanged') {
      message.info('没有需要保存的修改');
      return;
    }
    if ('issues' in p) return save.showIssues(p.issues);
    await save.save(
      async () => {
        const saved = await p.write();
        message.success(latest.current.savedText(saved.value, mode));
        onSaved(saved);
      },
      async () => {
        const fresh = await latest.current.onStale?.();
        if (fresh) {
          setCurrent(fresh);
          form.setFieldsValue(latest.current.toForm(fresh.value));
        }
      },
    );
  };

  return {
    mode,
    /** The item as last read: the one handed in, or the fresh copy after a 412. */
    current: (current ?? item)?.value,
    save,
    submit,
  };
}
