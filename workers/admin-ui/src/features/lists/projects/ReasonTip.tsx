import { Tooltip } from 'antd';
import type { ReactElement, ReactNode } from 'react';

/** A warning's reason on hover (labels.tsx): antd's Tooltip, loaded as an island after the page has drawn. */
export function ReasonTip({ title, children }: { title: ReactNode; children: ReactElement }) {
  return <Tooltip title={title}>{children}</Tooltip>;
}
