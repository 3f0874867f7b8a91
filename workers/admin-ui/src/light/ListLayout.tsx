import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { errorText } from '../api/client.ts';
import { useFeedback } from '../lib/feedback.tsx';
import { refusal } from '../lib/refusal.ts';
import { ActionButton } from './ActionButton.tsx';
import { useTenant } from '../tenant.tsx';
import { Button } from './Button.tsx';
import { Card } from './Card.tsx';
import { Space } from './Space.tsx';
import { Text } from './Typography.tsx';


interface ListCardProps {
  /** 需求清单 */
  title: string;
  /** The count of the whole filtered list, once known. */
  total: number | null;
  totalTestId: string;
  /** Buttons at the card's right (导出, 导入, 登记…). */
  actions: ReactNode;
  children: ReactNode;
}

/** The card that holds a list: its name and count, and the list's buttons. */
export function ListCard({ title, total, totalTestId, actions, children }: ListCardProps) {
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{title}</span>
          {total !== null && (
            <Text type="secondary" data-testid={totalTestId}>
              共 {total} 条
            </Text>
          )}
        </Space>
      }
      extra={<Space>{actions}</Space>}
    >
      {children}
    </Card>
  );
}

/**
 * 导出 Excel, Excel 导入 and 登记… of a list. `exportFile` downloads the filtered list
 * and resolves to the file's name; import and create show only for those who may.
 */
export function ListExcelActions({
  exportFile,
  onImport,
  onCreate,
  createText,
  createAction,
}: {
  exportFile(): Promise<string>;
  onImport?: () => void;
  onCreate?: () => void;
  createText: string;
  /** The server action behind 登记…: where the user's roles may not attempt it, the button stays, disabled, saying why. */
  createAction?: string;
}) {
  const { message } = useFeedback();
  const { tenant } = useTenant();
  // A read-only view already says so in its banner; there the write buttons are not drawn at all.
  const refused = !onCreate && createAction && !tenant.readOnly && refusal(tenant, createAction, createText);
  const exportXlsx = async () => {
    try {
      message.success(`已导出：${await exportFile()}`);
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
        导出 Excel
      </Button>
      {onImport && (
        <Button icon={<UploadOutlined />} onClick={onImport}>
          Excel 导入
        </Button>
      )}
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {createText}
        </Button>
      )}
      {refused && createAction && (
        <ActionButton action={createAction} what={createText} type="primary" icon={<PlusOutlined />}>
          {createText}
        </ActionButton>
      )}
    </>
  );
}
