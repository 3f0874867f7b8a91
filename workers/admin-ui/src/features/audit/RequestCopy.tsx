import { Typography } from 'antd';

/** 审计日志's copy button for a request id (antd's copyable: its clipboard fallback and its tooltips), an island of antd. */
export function RequestCopy({ requestId }: { requestId: string }) {
  return <Typography.Text type="secondary" copyable={{ text: requestId, tooltips: ['复制请求编号', '已复制'] }} />;
}
