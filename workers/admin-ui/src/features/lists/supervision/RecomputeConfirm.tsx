import { SyncOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  running: boolean;
  onConfirm: () => Promise<void>;
}

/**
 * 立即重新计算 and its confirmation: antd's Popconfirm, an island (lib/ant-island.tsx). Its opening is
 * the page's state, so a click on the light button drawn before antd arrived opens it once it has.
 */
export function RecomputeConfirm({ open, onOpenChange, running, onConfirm }: Props) {
  return (
    <Popconfirm
      open={open}
      onOpenChange={onOpenChange}
      title="按今天的日期重新计算全部项目的预警，并对逾期项目升级督办？"
      okText="重新计算"
      cancelText="取消"
      onConfirm={onConfirm}
    >
      <Button icon={<SyncOutlined />} loading={running}>
        立即重新计算
      </Button>
    </Popconfirm>
  );
}
