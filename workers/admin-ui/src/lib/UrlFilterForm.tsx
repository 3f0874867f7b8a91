import { Form } from 'antd';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { FilterActions } from './FilterActions.tsx';

interface Props<F, V> {
  /** The form's name: its fields' ids are `${name}_${field}` (the browser stories find them so). */
  name: string;
  /** What the address says now (useUrlFilters). */
  filters: F;
  /** 查询: the form's values, as the address keeps them. */
  onApply: (filters: F) => void;
  /** 重置. */
  onReset: () => void;
  /** The address's text as the fields hold it (numbers, dates), and back; the same shape by default. */
  toForm?: (filters: F) => V;
  fromForm?: (values: V) => F;
  style?: CSSProperties;
  children: ReactNode;
}

/**
 * A list's inline filter form kept in step with the address (a link, back and forward, 重置 all redraw
 * it), then 查询 and 重置. The filter bars of the pages drawn without antd are islands of this
 * (lib/ant-island.tsx, docs/adr/0031): the page keeps the filters in the address, the form is here.
 */
export function UrlFilterForm<F extends object, V extends object = F>({ name, filters, onApply, onReset, toForm, fromForm, style, children }: Props<F, V>) {
  const [form] = Form.useForm<V>();
  // The conversions are read when the filters change, not followed: a page's inline arrow is new on each draw.
  const convert = useRef({ toForm, fromForm });
  convert.current = { toForm, fromForm };
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue((convert.current.toForm?.(filters) ?? filters) as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, filters]);
  return (
    <Form form={form} layout="inline" name={name} onFinish={(v) => onApply(convert.current.fromForm?.(v) ?? (v as unknown as F))} style={{ rowGap: 8, ...style }}>
      {children}
      <FilterActions onReset={onReset} />
    </Form>
  );
}
