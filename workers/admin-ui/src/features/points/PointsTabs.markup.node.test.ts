import { ConfigProvider, Tabs } from 'antd';
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { THEME } from '../../theme.ts';
import { PointsTabs } from './PointsTabs.tsx';

// PointsTabs stands in for antd's Tabs on 积分's first draw and is styled by antd's own stylesheet
// (docs/adr/0031), as the components of src/light are: it is only right while it draws antd's markup.
// As light/markup.node.test.ts: the same classes on the same elements, in the same nesting, as antd's.

/** The markup's elements in document order, each as its tag and its sorted classes ("div.ant-tabs.ant-tabs-top"). */
function skeleton(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)\b([^>]*)>/g)]
    .filter(([, tag]) => !['svg', 'path', 'g', 'ellipse', 'title'].includes(tag!))
    .map(([, tag, attrs]) => {
      const cls = /\bclass="([^"]*)"/.exec(attrs!)?.[1] ?? '';
      return [tag, ...cls.split(/\s+/).filter(Boolean).sort()].join('.');
    });
}

const antd = (el: ReactElement) => renderToStaticMarkup(h(ConfigProvider, { theme: { ...THEME, zeroRuntime: true } }, el));

describe('积分\'s tabs draw antd 6 markup', () => {
  it('three tabs, the first chosen: its pane only', () => {
    const items = [
      { key: 'board', label: '排行榜', children: '榜' },
      { key: 'ledger', label: '积分明细', children: '明细' },
      { key: 'rules', label: '积分规则', children: '规则' },
    ];
    const ours = renderToStaticMarkup(h(PointsTabs, { items }));
    expect(skeleton(ours)).toEqual(skeleton(antd(h(Tabs, { items }))));
    expect(ours).toContain('role="tablist"');
    expect(ours).toContain('aria-selected="true"');
    expect(ours).not.toContain('明细</div>');
  });
});
