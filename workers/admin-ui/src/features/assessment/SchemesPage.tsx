import { Button, Card, Descriptions, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import { thisYearShanghai } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { assessmentApi, pts, type SchemeView } from './api.ts';
import { SchemeEditor } from './SchemeEditor.tsx';
import { useFeedback } from '../../lib/feedback.tsx';

const thisYear = thisYearShanghai();
const STATUS_COLOR: Record<string, string> = { draft: 'default', published: 'blue', frozen: 'purple' };

/** 指标体系: the county's schemes by year; drafts are edited and published, any is copied to the next year. */
export default function SchemesPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [year, setYear] = useState(thisYear);
  const [items, setItems] = useState<SchemeView[] | null>(null);
  const [editing, setEditing] = useState<SchemeView | null | 'new'>(null);
  const canEdit = !tenant.readOnly && tenant.actions.includes('assessment.scheme');

  const load = useCallback(() => {
    assessmentApi.schemes(tenant.slug, { year }).then((r) => setItems(r.items)).catch((e) => message.error(errorText(e)));
  }, [tenant.slug, year, message]);
  useEffect(load, [load]);
  const act = (p: Promise<unknown>, ok: string) => p.then(() => (message.success(ok), load())).catch((e) => message.error(errorText(e)));

  return (
    <Card
      title="考核指标体系"
      extra={
        canEdit && (
          <Space wrap>
            <Button onClick={() => act(assessmentApi.createDefault(tenant.slug, year), '已按默认指标创建草稿')}>按默认指标创建</Button>
            <Button type="primary" onClick={() => setEditing('new')}>新建</Button>
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="年度" value={year} onChange={setYear} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))} />
      </Space>
      <Table
        rowKey="id"
        loading={!items}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (s) => (
            <>
              <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
                { key: 'e', label: '优秀', children: `${pts(s.thresholds.excellent)} 分及以上` },
                { key: 'g', label: '良好', children: `${pts(s.thresholds.good)} 分及以上` },
                { key: 'f', label: '一般', children: `${pts(s.thresholds.fair)} 分及以上（以下为较差）` },
              ]} />
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={s.indicators}
                columns={[
                  { title: '序号', dataIndex: 'position', width: 60 },
                  { title: '指标', dataIndex: 'name' },
                  { title: '得分方式', render: (_, i) => `${i.kindLabel}${i.metricLabel ? `：${i.metricLabel}` : i.raterGroupLabel ? `：${i.raterGroupLabel}` : ''}` },
                  { title: '权重', render: (_, i) => `${i.weight}%` },
                  { title: '满分', dataIndex: 'maxScore' },
                  { title: '评分标准', dataIndex: 'criteria' },
                ]}
              />
            </>
          ),
        }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '层级', dataIndex: 'levelLabel' },
          { title: '年度', dataIndex: 'year' },
          { title: '版本', render: (_, s) => `第 ${s.version} 版` },
          { title: '指标数', render: (_, s) => `${s.indicators.length} 项（权重 ${s.weightSum}%）` },
          { title: '状态', render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{s.statusLabel}</Tag> },
          {
            title: '操作',
            render: (_, s) =>
              canEdit && (
                <Space wrap>
                  {s.status === 'draft' && <Button size="small" onClick={() => setEditing(s)}>修改</Button>}
                  {s.status === 'draft' && (
                    <Popconfirm title="发布后即可用于年度考核，且不能再修改。确定发布？" okText="发布" cancelText="取消" onConfirm={() => act(assessmentApi.publish(tenant.slug, s.id), '已发布')}>
                      <Button size="small" type="primary">发布</Button>
                    </Popconfirm>
                  )}
                  <Button size="small" onClick={() => act(assessmentApi.copy(tenant.slug, s.id, s.year + 1), `已复制到 ${s.year + 1} 年度（草稿）`)}>复制到下一年度</Button>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <SchemeEditor
          tenant={tenant.slug}
          scheme={editing === 'new' ? null : editing}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={() => (setEditing(null), load())}
        />
      )}
    </Card>
  );
}
