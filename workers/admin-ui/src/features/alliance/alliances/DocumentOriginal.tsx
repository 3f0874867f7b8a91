import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import type { Versioned } from '../../../api/endpoints.ts';
import type { AllianceDocument } from '../../../api/types.ts';
import { formatTime } from '../../../lib/time.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG 图片', 'image/jpeg': 'JPG 图片' };
const MAX_BYTES = 20 * 1024 * 1024;

function sizeText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${n} 字节`;
}

interface Props {
  tenant: string;
  allianceId: string;
  doc: Versioned<AllianceDocument>;
  /** Whether this user may upload (the alliance's file is theirs and it is not dissolved). */
  canUpload: boolean;
  onUploaded(doc: Versioned<AllianceDocument>): void;
}

/** 盖章扫描件: what is on record (type, size, SHA-256, who and when), download, and upload or replace. */
export function DocumentOriginal({ tenant, allianceId, doc, canUpload, onUploaded }: Props) {
  const { message } = useFeedback();
  const [busy, setBusy] = useState<'upload' | 'download' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const o = doc.value.original;

  const upload = async (file: File) => {
    setError(null);
    // The server refuses these too; saying so before 20 MB travel spares the wait.
    if (file.size > MAX_BYTES) {
      setError(`“${file.name}”超过 20 MB，请压缩或分册扫描后上传`);
      return;
    }
    setBusy('upload');
    try {
      const saved = await allianceApi.uploadOriginal(tenant, allianceId, doc.value.id, doc.etag, file);
      message.success(o ? '已替换盖章扫描件' : '已上传盖章扫描件');
      onUploaded(saved);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    setBusy('download');
    try {
      await allianceApi.downloadOriginal(tenant, allianceId, doc.value.id, o?.fileName ?? `${doc.value.title}`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} title="盖章扫描件" data-testid="document-original">
      {o ? (
        <>
          <Descriptions.Item label="文件">
            <span data-testid="original-name">{o.fileName ?? doc.value.title}</span>
          </Descriptions.Item>
          <Descriptions.Item label="格式与大小">
            {TYPE_NAMES[o.contentType] ?? '文件'} · {sizeText(o.size)}
          </Descriptions.Item>
          <Descriptions.Item label="原件指纹（SHA-256）" span={2}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="original-sha256">
              {o.sha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="上传" span={2}>
            {[o.uploadedByName, formatTime(o.uploadedAt)].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label="状态" span={2}>
          尚未上传
        </Descriptions.Item>
      )}
      <Descriptions.Item label="操作" span={2}>
        <Space wrap>
          {o && (
            <Button icon={<DownloadOutlined />} loading={busy === 'download'} onClick={download} data-testid="original-download">
              下载原件
            </Button>
          )}
          {canUpload && (
            <Upload
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="original-upload">
                {o ? '替换扫描件' : '上传盖章扫描件'}
              </Button>
            </Upload>
          )}
          <Typography.Text type="secondary">PDF、PNG 或 JPG，不超过 20 MB</Typography.Text>
        </Space>
        {error && (
          <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }} data-testid="original-error">
            {error}
          </Typography.Paragraph>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
