import { Children, type CSSProperties, type ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

const GAP = { small: 8, middle: 16, large: 24 } as const;

/** antd's Space: its items in a row with a gap; empty children (false, null) take no item. */
export function Space({ size = 'small', wrap, orientation = 'horizontal', style, children, ...rest }: { size?: number | keyof typeof GAP; wrap?: boolean; orientation?: 'horizontal' | 'vertical'; style?: CSSProperties; children?: ReactNode; 'data-testid'?: string }) {
  const named = typeof size === 'string';
  const vertical = orientation === 'vertical';
  return (
    <div
      className={cx('ant-space', vertical ? 'ant-space-vertical' : 'ant-space-horizontal ant-space-align-center', named && `ant-space-gap-row-${size} ant-space-gap-col-${size}`, THEME_CLASS)}
      style={{ ...(wrap ? { flexWrap: 'wrap' } : {}), ...(named ? {} : { columnGap: size, rowGap: size }), ...style }}
      {...rest}
    >
      {Children.toArray(children).map((child, i) => (
        <div className="ant-space-item" key={i}>
          {child}
        </div>
      ))}
    </div>
  );
}
