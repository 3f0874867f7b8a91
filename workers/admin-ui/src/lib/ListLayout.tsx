import { Card, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FilterActions } from './FilterActions.tsx';

/** The filter card above a list: inline fields, then 查询 and 重置. */
export function FilterBar<V>({ form, name, onFinish, onReset, children }: { form: FormInstance<V>; name: string; onFinish(values: V): void; onReset(): void; children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" name={name} onFinish={onFinish} style={{ rowGap: 8 }}>
        {children}
        <FilterActions onReset={onReset} />
      </Form>
    </Card>
  );
}

// The list's card and buttons are drawn without antd (src/light/), here as on the light pages.
export { ListCard, ListExcelActions } from '../light/ListLayout.tsx';
