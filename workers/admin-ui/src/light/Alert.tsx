import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

const ICONS = { info: <InfoCircleFilled />, error: <CloseCircleFilled />, warning: <ExclamationCircleFilled />, success: <CheckCircleFilled /> };

/** antd's Alert with its icon (`showIcon`), a title, an optional description and an optional action (a button at its end). */
export function Alert({ type, title, description, action, style, ...rest }: { type: keyof typeof ICONS; title: ReactNode; description?: ReactNode; action?: ReactNode; style?: CSSProperties; 'data-testid'?: string }) {
  return (
    <div data-show="true" className={cx('ant-alert', `ant-alert-${type}`, 'ant-alert-outlined', description !== undefined && 'ant-alert-with-description', THEME_CLASS)} role="alert" style={style} {...rest}>
      <span className="ant-alert-icon">{ICONS[type]}</span>
      <div className="ant-alert-section">
        <div className="ant-alert-title">{title}</div>
        {description !== undefined && <div className="ant-alert-description">{description}</div>}
      </div>
      {action !== undefined && <div className="ant-alert-actions">{action}</div>}
    </div>
  );
}
