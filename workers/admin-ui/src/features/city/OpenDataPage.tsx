import { DownloadOutlined } from '@ant-design/icons';
import { OPEN_DATA_TOPICS, type OpenDataTopic } from '@ronghe/schema';
import { Alert, Button, Card, Collapse, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { download, errorText } from '../../api/client.ts';
import { useSession } from '../../session.tsx';
import { cityAdminTenant } from '../../shared/access.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const KIND_LABELS = { text: '文本', count: '整数', fen: '金额（元，两位小数）', time: '时间（北京时间）' } as const;

/** 开放数据 (issue 13): the rollup's topics with their fields, downloaded as one workbook or a CSV per topic. */
export default function OpenDataPage() {
  const { tenants } = useSession();
  const { message } = useFeedback();
  const [busy, setBusy] = useState<string | null>(null);
  if (!cityAdminTenant(tenants)) return <Result status="403" title="无权查看开放数据" subTitle="全市汇总的开放数据仅对市委组织部开放。" />;

  const save = async (key: string, path: string, fallback: string) => {
    setBusy(key);
    try {
      const name = await download(path, undefined, fallback);
      message.success(`已下载 ${name}`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const fields = (t: OpenDataTopic) => (
    <Table
      size="small"
      rowKey="title"
      pagination={false}
      dataSource={t.columns.map((c) => ({ ...c }))}
      columns={[
        { title: '字段', dataIndex: 'title', width: 220 },
        { title: '类型', dataIndex: 'kind', width: 180, render: (k: keyof typeof KIND_LABELS) => KIND_LABELS[k] },
        { title: '说明', dataIndex: 'description' },
      ]}
    />
  );

  return (
    <Card
      size="small"
      title="开放数据"
      extra={
        <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void save('xlsx', '/city/open-data/xlsx', '赤峰市融合党建开放数据.xlsx')}>
          下载全部（Excel）
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="全市汇总按主题公开：只含各旗县区的统计数字，不含任何个人信息。Excel 每个主题一张工作表（含标题和统计时间）；每个主题也可单独下载为 CSV 文件（逗号分隔的通用格式，可直接用 Excel 打开，中文不乱码）。尚未统计的旗县区数字留空，不记为 0。"
      />
      <Collapse
        data-testid="open-data-topics"
        items={OPEN_DATA_TOPICS.map((t) => ({
          key: t.slug,
          label: (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{t.title}</Typography.Text>
              <Typography.Text type="secondary">{t.description}</Typography.Text>
            </Space>
          ),
          extra: (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={busy === t.slug}
              onClick={(e) => {
                e.stopPropagation();
                void save(t.slug, `/city/open-data/csv/${t.slug}`, `${t.title}.csv`);
              }}
            >
              下载 CSV
            </Button>
          ),
          children: fields(t),
        }))}
      />
    </Card>
  );
}
