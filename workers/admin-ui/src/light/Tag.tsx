import { CloseOutlined } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import { cx, THEME_CLASS } from './cx.ts';

// antd's preset colours, which its stylesheet draws by class.
const PRESETS = new Set(['magenta', 'red', 'volcano', 'orange', 'gold', 'lime', 'green', 'cyan', 'blue', 'geekblue', 'purple', 'pink', 'yellow', 'success', 'processing', 'error', 'warning', 'default']);

/** antd's Tag (filled): a preset colour by class, any other as antd draws it, its text in that colour on a light ground. */
export function Tag({ color, style, closable, onClose, children, ...rest }: { color?: string; style?: CSSProperties; closable?: boolean; onClose?: () => void; children?: ReactNode; 'data-testid'?: string; title?: string }) {
  const preset = color !== undefined && PRESETS.has(color);
  const custom: CSSProperties | undefined = color !== undefined && !preset ? { color, backgroundColor: `color-mix(in srgb, ${color} 12%, white)` } : undefined;
  return (
    <span className={cx('ant-tag ant-tag-filled', preset && `ant-tag-${color}`, THEME_CLASS)} style={{ ...custom, ...style }} {...rest}>
      {children}
      {closable && (
        <CloseOutlined
          role="button"
          aria-label="Close"
          tabIndex={0}
          className="ant-tag-close-icon"
          onClick={onClose}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onClose?.()}
        />
      )}
    </span>
  );
}
