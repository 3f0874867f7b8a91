import type { CSSProperties, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

interface Props {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small' | 'default';
  /** antd's skeleton in place of the body while the card's content is on its way. */
  loading?: boolean;
  style?: CSSProperties;
  className?: string;
  children?: ReactNode;
  'data-testid'?: string;
}

/** antd's Card (bordered), with its head only when it has a title or an extra. */
export function Card({ title, extra, size = 'default', loading, className, children, ...rest }: Props) {
  return (
    <div className={cx('ant-card', loading && 'ant-card-loading', 'ant-card-bordered', size === 'small' && 'ant-card-small', THEME_CLASS, className)} {...rest}>
      {(title !== undefined || extra !== undefined) && (
        <div className="ant-card-head">
          <div className="ant-card-head-wrapper">
            {title !== undefined && <div className="ant-card-head-title">{title}</div>}
            {extra !== undefined && <div className="ant-card-extra">{extra}</div>}
          </div>
        </div>
      )}
      <div className="ant-card-body">
        {loading ? (
          <div className={cx('ant-skeleton ant-skeleton-active', THEME_CLASS)}>
            <div className="ant-skeleton-section">
              <ul className="ant-skeleton-paragraph">
                <li />
                <li />
                <li />
                <li style={{ width: '61%' }} />
              </ul>
            </div>
          </div>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
