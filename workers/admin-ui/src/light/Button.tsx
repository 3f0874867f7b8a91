import { LoadingOutlined } from '@ant-design/icons';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  type?: 'default' | 'primary' | 'dashed' | 'link' | 'text';
  size?: 'small' | 'middle';
  danger?: boolean;
  icon?: ReactNode;
  htmlType?: 'button' | 'submit';
  /** antd's loading state: a spinning icon, and clicks ignored meanwhile. */
  loading?: boolean;
  /** The whole width of its container. */
  block?: boolean;
  'data-testid'?: string;
};

const COLOR = { default: 'default', primary: 'primary', dashed: 'default', link: 'link', text: 'default' } as const;
const VARIANT = { default: 'outlined', primary: 'solid', dashed: 'dashed', link: 'link', text: 'text' } as const;

/** antd's Button: the same classes, label as written (the app's `autoInsertSpace: false`). */
export function Button({ type = 'default', size, danger, icon, htmlType = 'button', loading, block, className, children, onClick, ...rest }: Props) {
  return (
    <button
      type={htmlType}
      className={cx(
        'ant-btn',
        THEME_CLASS,
        `ant-btn-${type}`,
        danger && 'ant-btn-dangerous',
        `ant-btn-color-${danger ? 'dangerous' : COLOR[type]}`,
        `ant-btn-variant-${VARIANT[type]}`,
        size === 'small' && 'ant-btn-sm',
        icon !== undefined && children === undefined && 'ant-btn-icon-only',
        loading && 'ant-btn-loading',
        block && 'ant-btn-block',
        className,
      )}
      onClick={loading ? undefined : onClick}
      {...rest}
    >
      {loading ? (
        <span className="ant-btn-icon ant-btn-loading-icon">
          <LoadingOutlined />
        </span>
      ) : (
        icon !== undefined && <span className="ant-btn-icon">{icon}</span>
      )}
      {children !== undefined && <span>{children}</span>}
    </button>
  );
}
