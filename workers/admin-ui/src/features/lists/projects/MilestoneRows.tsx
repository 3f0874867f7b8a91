import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Space, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';

const DATE = 'YYYY-MM-DD';

/** One 实施节点 as the form holds it; `id` is kept for milestones that already exist. */
export interface MilestoneRow {
  id?: string;
  title?: string;
  weight?: number | null;
  dueOn?: Dayjs | null;
}

/** A row as the API takes it (MilestonesInputSchema, ProjectCreateSchema.milestones). */
export const milestoneInput = (m: MilestoneRow) => ({
  ...(m.id ? { id: m.id } : {}),
  title: m.title?.trim() ?? '',
  weight: Number(m.weight ?? 0),
  dueOn: m.dueOn ? m.dueOn.format(DATE) : null,
});

/**
 * The 实施节点 editor (Form.List `milestones`): name, weight and due date per row,
 * 添加节点, and the weights' sum (with `sumNote` after it). With no rows, `emptyHint` instead of the sum.
 */
export function MilestoneRows({ form, example, sumNote, emptyHint }: { form: FormInstance; example?: string; sumNote?: string; emptyHint?: string }) {
  const rows = Form.useWatch('milestones', form) as MilestoneRow[] | undefined;
  const sum = (rows ?? []).reduce((s, r) => s + (Number(r?.weight) || 0), 0);
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <>
          {fields.map((row) => (
            <Row gutter={8} key={row.key} align="top">
              <Form.Item name={[row.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Col flex="auto">
                <Form.Item name={[row.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}>
                  <Input maxLength={100} placeholder={example ? `节点名称，如：${example}` : '节点名称'} />
                </Form.Item>
              </Col>
              <Col flex="130px">
                <Form.Item name={[row.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                  <InputNumber min={1} max={100} precision={0} prefix="权重" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col flex="170px">
                <Form.Item name={[row.name, 'dueOn']}>
                  <DatePicker format={DATE} style={{ width: '100%' }} placeholder="节点期限" />
                </Form.Item>
              </Col>
              <Col flex="40px">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="移除节点" onClick={() => remove(row.name)} />
              </Col>
            </Row>
          ))}
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => add({ weight: 1 })}>
              添加节点
            </Button>
            <Typography.Text type="secondary">{fields.length === 0 && emptyHint ? emptyHint : `权重合计 ${sum}${sumNote ? `，${sumNote}` : ''}`}</Typography.Text>
          </Space>
        </>
      )}
    </Form.List>
  );
}
