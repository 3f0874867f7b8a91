import { Result } from 'antd';

/** 审计日志 closed to this person, with antd's picture: an island of antd (AuditPage draws the words first). */
export function AuditForbidden({ title, subTitle }: { title: string; subTitle: string }) {
  return <Result status="403" title={title} subTitle={subTitle} />;
}
