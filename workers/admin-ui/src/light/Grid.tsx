import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

const Gutter = createContext(0);

/** antd's Row with a horizontal gutter (and an optional vertical one), which its Cols take as padding. */
export function Row({ gutter = 0, wrap = true, className, style, children, ...rest }: { gutter?: number | [number, number]; wrap?: boolean; className?: string; style?: CSSProperties; children?: ReactNode; 'data-testid'?: string }) {
  const [x, y] = Array.isArray(gutter) ? gutter : [gutter, 0];
  return (
    <div className={cx('ant-row', !wrap && 'ant-row-no-wrap', THEME_CLASS, className)} style={{ ...(x ? { marginInline: -x / 2 } : {}), ...(y ? { rowGap: y } : {}), ...style }} {...rest}>
      <Gutter.Provider value={x}>{children}</Gutter.Provider>
    </div>
  );
}

interface ColProps {
  /** A flex basis ('300px'), 'auto', or a whole flex value ('1 1 0'). */
  flex?: string;
  span?: number;
  xs?: number;
  sm?: number;
  md?: number;
  lg?: number;
  xl?: number;
  style?: CSSProperties;
  children?: ReactNode;
}

/** antd's Col: a flex basis or spans per breakpoint, padded by its Row's gutter. */
export function Col({ flex, span, xs, sm, md, lg, xl, style, children }: ColProps) {
  const gutter = useContext(Gutter);
  const basis = flex === undefined ? undefined : flex === 'auto' ? '1 1 auto' : flex.includes(' ') ? flex : `0 0 ${flex}`;
  const spans = { xs, sm, md, lg, xl };
  return (
    <div
      style={{ ...(gutter ? { paddingInline: gutter / 2 } : {}), ...(basis ? { flex: basis, minWidth: 0 } : {}), ...style }}
      className={cx(
        'ant-col',
        span !== undefined && `ant-col-${span}`,
        ...Object.entries(spans).map(([at, n]) => n !== undefined && `ant-col-${at}-${n}`),
        THEME_CLASS,
      )}
    >
      {children}
    </div>
  );
}
