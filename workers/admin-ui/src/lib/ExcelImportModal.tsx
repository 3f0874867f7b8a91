import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Space, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../api/client.ts';
import { useOnOpen } from './useOnOpen.ts';
import { useFeedback } from './feedback.tsx';

export interface ImportRowError {
  row?: number;
  column?: string;
  message: string;
}

/** What an import came to: saved (the summary says what), or refused with the errors of every row. */
export type ImportOutcome = { kind: 'ok'; summary: string } | { kind: 'invalid'; title: string; detail?: string; errors: ImportRowError[] };

interface Props {
  open: boolean;
  title: string;
  /** The rules above the file picker; 下载模板 follows them. */
  rules: ReactNode;
  template(): Promise<unknown>;
  /** Sends the file. A thrown error shows as 导入失败. */
  importFile(bytes: ArrayBuffer): Promise<ImportOutcome>;
  /** Whether the import may start once a file is chosen (an alliance picked…). */
  ready?: boolean;
  onClose(): void;
  /** Asked before the file (the alliance to import into…). */
  children?: ReactNode;
}

// The same 20 MB every import route accepts (route-declared body limit, ADR 0010).
const MAX_BYTES = 20 * 1024 * 1024;

/** Excel import of a whole file: the template, one .xlsx of at most 20 MB, and all rows saved or none with the error of every row. */
export function ExcelImportModal({ open, title, rules, template, importFile, ready = true, onClose, children }: Props) {
  const { message } = useFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | { kind: 'failed'; detail: string } | null>(null);

  useOnOpen(open, () => {
    setFile(null);
    setOutcome(null);
  }, []);

  const run = async () => {
    if (!file || !ready) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await importFile(await file.arrayBuffer()));
    } catch (err) {
      setOutcome({ kind: 'failed', detail: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const downloadTemplate = async () => {
    try {
      await template();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" disabled={!file || !ready} loading={busy} onClick={run} data-testid="import-run">
            开始导入
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title="导入规则"
          description={
            <>
              {rules}
              <Button type="link" size="small" icon={<DownloadOutlined />} onClick={downloadTemplate}>
                下载模板
              </Button>
            </>
          }
        />
        {children}
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            if (!/\.xlsx$/i.test(f.name)) {
              message.error('只支持 .xlsx 格式的 Excel 文件');
              return Upload.LIST_IGNORE;
            }
            if (f.size > MAX_BYTES) {
              message.error('文件超过 20 MB，请拆分后分批导入');
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            setOutcome(null);
            return false; // uploaded by "开始导入" as raw bytes, not multipart
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? `已选择：${file.name}` : '点击或拖拽 Excel 文件到此处'}</p>
          <p className="ant-upload-hint">仅支持 .xlsx</p>
        </Upload.Dragger>

        {outcome?.kind === 'ok' && <Result status="success" title="导入成功" subTitle={outcome.summary} style={{ padding: 16 }} data-testid="import-success" />}
        {outcome?.kind === 'failed' && <Alert type="error" showIcon title="导入失败" description={outcome.detail} />}
        {outcome?.kind === 'invalid' && (
          <div data-testid="import-errors">
            <Alert type="error" showIcon title={outcome.title} description={outcome.detail} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey={(e, i) => `${e.row ?? ''}-${e.column ?? ''}-${i}`}
              dataSource={outcome.errors}
              pagination={outcome.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80, render: (v?: number) => (v ? `第 ${v} 行` : '—') },
                { title: '列', dataIndex: 'column', width: 140, render: (v?: string) => v ?? '—' },
                { title: '错误说明', dataIndex: 'message', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
              ]}
            />
          </div>
        )}
      </Space>
    </Modal>
  );
}
