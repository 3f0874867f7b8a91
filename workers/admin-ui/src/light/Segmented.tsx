import { useId, type CSSProperties, type ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

/** antd's Segmented: one of a few options, as radio buttons (arrow keys move between them, as for any radio group). */
export function Segmented<V extends string>({ value, options, onChange, size, style, ...rest }: { value: V; options: readonly { value: V; label: ReactNode }[]; onChange: (value: V) => void; size?: 'small'; style?: CSSProperties; 'data-testid'?: string; 'aria-label'?: string }) {
  const name = useId();
  return (
    <div role="radiogroup" aria-orientation="horizontal" className={cx('ant-segmented', size === 'small' && 'ant-segmented-sm', THEME_CLASS)} style={style} {...rest}>
      <div className="ant-segmented-group">
        {options.map((o) => {
          const selected = o.value === value;
          return (
            <label key={o.value} className={cx('ant-segmented-item', selected && 'ant-segmented-item-selected ant-segmented-item-selected-text')}>
              <input className="ant-segmented-item-input" type="radio" name={name} checked={selected} onChange={() => onChange(o.value)} />
              <div className="ant-segmented-item-label" title={typeof o.label === 'string' ? o.label : undefined}>
                {o.label}
              </div>
            </label>
          );
        })}
      </div>
    </div>
  );
}
