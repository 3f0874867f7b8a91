import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import type { DocumentMeta } from '../../../api/types.ts';
import { formatTime } from '../../../lib/time.ts';
import { docKindLabel } from './labels.ts';
import type { DocumentTarget } from './DocumentDrawer.tsx';
import type { TabProps } from './tabProps.ts';

interface Props extends TabProps {
  /** The drawer lives on the page, so the timeline and the filing inbox can open a document too. */
  openDocument(target: DocumentTarget): void;
}

export function DocumentsTab({ alliance, openDocument }: Props) {
  const a = alliance.value;
  return (
    <Card
      size="small"
      title={`文书（${a.documents.length} 份）`}
      extra={
        a.can.editDocuments && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDocument({ mode: 'create' })}>
            新建文书
          </Button>
        )
      }
    >
      <Table<DocumentMeta>
        rowKey="id"
        size="small"
        dataSource={a.documents}
        pagination={false}
        locale={{ emptyText: '暂无文书' }}
        scroll={{ x: 1210 }}
        data-testid="document-table"
        columns={[
          { title: '类别', dataIndex: 'kind', width: 120, render: (k: string) => docKindLabel(k) },
          {
            title: '标题',
            dataIndex: 'title',
            width: 300,
            render: (t: string, d) => <Typography.Link onClick={() => openDocument({ mode: 'view', docId: d.id })}>{t}</Typography.Link>,
          },
          { title: '日期', dataIndex: 'docDate', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 120,
            render: (s: string) => (s === 'adopted' ? <Tag color="green">已通过/已签署</Tag> : <Tag>草稿</Tag>),
          },
          {
            title: '签署',
            key: 'signer',
            width: 220,
            render: (_, d) => [d.signerOrgName, d.signerName].filter(Boolean).join(' · ') || '—',
          },
          { title: '年度', dataIndex: 'year', width: 70, render: (v: number | null) => v ?? '—' },
          {
            title: '盖章扫描件',
            key: 'original',
            width: 110,
            render: (_, d) => (d.original ? <Tag color="blue">已上传</Tag> : <Typography.Text type="secondary">未上传</Typography.Text>),
          },
          {
            title: '内容指纹',
            dataIndex: 'contentHash',
            width: 130,
            render: (h: string) => (
              <Tooltip title={h}>
                <Typography.Text code>{h.slice(0, 10)}</Typography.Text>
              </Tooltip>
            ),
          },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: number) => formatTime(v) },
        ]}
      />
    </Card>
  );
}
