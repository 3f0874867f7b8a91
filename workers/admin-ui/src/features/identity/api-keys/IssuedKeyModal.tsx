import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Input, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { IssuedApiKey } from '../../../api/admin-endpoints.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  issued: IssuedApiKey | null;
  onClose(): void;
}

/** Copies text; falls back to a selected input where the Clipboard API is unavailable (plain http). */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission refused: try the selection below
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * The one and only display of a new key's secret: the server keeps just its
 * hash. Closing needs an explicit acknowledgement, so a stray click on the mask
 * or Esc cannot lose it.
 */
export function IssuedKeyModal({ issued, onClose }: Props) {
  const { message } = useFeedback();
  const [saved, setSaved] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => setSaved(false), [issued]);

  const copy = async () => {
    if (!issued) return;
    if (await copyText(issued.key, inputRef.current)) {
      message.success('密钥已复制到剪贴板');
      setSaved(true);
    } else {
      message.warning('浏览器不允许自动复制，请选中密钥后按 Ctrl+C 复制');
    }
  };

  return (
    <Modal
      open={issued !== null}
      title="接口密钥已签发"
      width={680}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" disabled={!saved} onClick={onClose}>
          我已妥善保存，关闭
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title="密钥只显示这一次"
        description="关闭本窗口后，任何人（包括管理员）都无法再次查看这个密钥。请立即复制，并通过安全渠道交给对接单位；如果遗失，只能吊销后重新签发。"
        style={{ marginBottom: 16 }}
        data-testid="key-once-warning"
      />
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="用途名称">{issued?.name}</Descriptions.Item>
        <Descriptions.Item label="密钥前缀">
          <code>{issued?.prefix}…</code>
        </Descriptions.Item>
      </Descriptions>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={issued?.key ?? ''}
          ref={(el) => {
            inputRef.current = el?.input ?? null;
          }}
          onFocus={(e) => e.target.select()}
          style={{ fontFamily: 'Menlo, Consolas, monospace' }}
          aria-label="接口密钥"
          data-testid="issued-key"
        />
        <Button type="primary" icon={<CopyOutlined />} onClick={copy}>
          复制密钥
        </Button>
      </Space.Compact>
      <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} style={{ marginTop: 16 }}>
        我已复制并妥善保存该密钥
      </Checkbox>
    </Modal>
  );
}
