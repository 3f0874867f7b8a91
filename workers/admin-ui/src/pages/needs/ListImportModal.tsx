import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Result, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import type { ListImportResult } from '../../api/list-endpoints.ts';
import { AllianceFilter } from './AllianceFilter.tsx';

interface Props {
  open: boolean;
  tenant: string;
  /** 需求 or 资源: the noun in titles and messages. */
  noun: string;
  /** Preset alliance (the list's filter). */
  allianceId?: string;
  template(): Promise<unknown>;
  upload(allianceId: string, bytes: ArrayBuffer): Promise<ListImportResult>;
  onClose(): void;
  onImported(created: number): void;
}

const MAX_BYTES = 5 * 1024 * 1024;

type Outcome = { kind: 'ok'; created: number } | { kind: 'invalid'; errors: ListImportResult['errors'] } | { kind: 'failed'; detail: string };

/** Excel import into one alliance's list: all rows or none, with the errors of every row. */
export function ListImportModal({ open, tenant, noun, allianceId, template, upload, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [alliance, setAlliance] = useState<string | null>(allianceId ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (open) {
      setAlliance(allianceId ?? null);
      setFile(null);
      setOutcome(null);
    }
  }, [open, allianceId]);

  const run = async () => {
    if (!file || !alliance) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await upload(alliance, await file.arrayBuffer());
      if (result.errors.length > 0) {
        setOutcome({ kind: 'invalid', errors: result.errors });
      } else {
        setOutcome({ kind: 'ok', created: result.created });
        onImported(result.created);
      }
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
      title={`Excel 导入${noun}`}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" disabled={!file || !alliance} loading={busy} onClick={run} data-testid="import-run">
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
              请使用导入模板填写后上传（.xlsx，不超过 5 MB），全部{noun}记入所选的党建联合体。整个文件逐行校验：只要有一行有误，本次导入不保存任何数据，请按错误报告修改后重新上传。
              <Button type="link" size="small" icon={<DownloadOutlined />} onClick={downloadTemplate}>
                下载模板
              </Button>
            </>
          }
        />
        <Form layout="vertical" name="list-import">
          <Form.Item label="导入到党建联合体" required style={{ marginBottom: 0 }}>
            <AllianceFilter tenant={tenant} width="100%" placeholder="输入联合体名称搜索" value={alliance} onChange={(v) => setAlliance(v ?? null)} />
          </Form.Item>
        </Form>
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
              message.error('文件超过 5 MB，请拆分后分批导入');
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

        {outcome?.kind === 'ok' && (
          <Result status="success" title="导入成功" subTitle={`新增 ${outcome.created} 条${noun}。`} style={{ padding: 16 }} data-testid="import-success" />
        )}
        {outcome?.kind === 'failed' && <Alert type="error" showIcon title="导入失败" description={outcome.detail} />}
        {outcome?.kind === 'invalid' && (
          <div data-testid="import-errors">
            <Alert type="error" showIcon title={`导入未通过校验，未保存任何数据（共 ${outcome.errors.length} 处错误）`} style={{ marginBottom: 12 }} />
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
