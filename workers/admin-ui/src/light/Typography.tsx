import type { CSSProperties, MouseEventHandler, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

interface TextProps {
  type?: 'secondary' | 'danger' | 'warning' | 'success';
  strong?: boolean;
  /** One line ending in …; the whole text is the title (antd's `ellipsis={{ tooltip }}`, without the tooltip's code). */
  ellipsis?: { title: string };
  style?: CSSProperties;
  className?: string;
  children?: ReactNode;
  'data-testid'?: string;
}

/** antd's Typography.Text. */
export function Text({ type, strong, ellipsis, className, children, ...rest }: TextProps) {
  return (
    <span
      className={cx('ant-typography', type && `ant-typography-${type}`, ellipsis && 'ant-typography-ellipsis ant-typography-ellipsis-single-line', THEME_CLASS, className)}
      title={ellipsis?.title}
      {...rest}
    >
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}

/** antd's Typography.Link used as a button (no address). */
export function Link({ onClick, children, ...rest }: { onClick?: MouseEventHandler<HTMLAnchorElement>; children?: ReactNode; style?: CSSProperties; 'data-testid'?: string }) {
  return (
    <a className={cx('ant-typography ant-typography-link', THEME_CLASS)} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
