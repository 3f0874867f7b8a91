import { ConfigProvider, Progress } from 'antd';
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { THEME } from '../../../theme.ts';
import { CapacityBar } from './CapacityBar.tsx';

// CapacityBar stands in for antd's Progress (without its figure) in 资源清单's rows, styled by antd's own
// stylesheet (docs/adr/0031): as light/markup.node.test.ts, the same classes on the same elements as antd's.

/** The markup's elements in document order, each as its tag and its sorted classes. */
function skeleton(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)\b([^>]*)>/g)].map(([, tag, attrs]) => {
    const cls = /\bclass="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    return [tag, ...cls.split(/\s+/).filter(Boolean).sort()].join('.');
  });
}

const antd = (el: ReactElement) => renderToStaticMarkup(h(ConfigProvider, { theme: { ...THEME, zeroRuntime: true } }, el));

describe('资源清单\'s capacity bar draws antd 6 markup', () => {
  it('part used, and all of it (done)', () => {
    for (const percent of [0, 40, 100]) {
      expect(skeleton(renderToStaticMarkup(h(CapacityBar, { percent }))), String(percent)).toEqual(
        skeleton(antd(h(Progress, { percent, showInfo: false, size: 'small' }))),
      );
    }
  });
});
