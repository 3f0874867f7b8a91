import { PlusOutlined } from '@ant-design/icons';
import {
  Alert as AntAlert,
  Badge as AntBadge,
  Button as AntButton,
  Card as AntCard,
  Col as AntCol,
  ConfigProvider,
  Empty as AntEmpty,
  Progress as AntProgress,
  Row as AntRow,
  Segmented as AntSegmented,
  Space as AntSpace,
  Spin as AntSpin,
  Statistic as AntStatistic,
  Table as AntTable,
  Tabs as AntTabs,
  Tag as AntTag,
  Typography,
} from 'antd';
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { THEME } from '../theme.ts';
import { Alert } from './Alert.tsx';
import { Badge, StatusDot } from './Badge.tsx';
import { Button } from './Button.tsx';
import { Card } from './Card.tsx';
import { Empty } from './Empty.tsx';
import { Col, Row } from './Grid.tsx';
import { Progress } from './Progress.tsx';
import { Segmented } from './Segmented.tsx';
import { Space } from './Space.tsx';
import { Spin } from './Spin.tsx';
import { Statistic } from './Statistic.tsx';
import { Table } from './Table.tsx';
import { Tabs } from './Tabs.tsx';
import { Tag } from './Tag.tsx';
import { Link, Text } from './Typography.tsx';

// The light components stand in for antd's on a page's first draw and are styled by antd's own stylesheet
// (docs/adr/0031): they are only right while they draw antd's markup. Each is drawn here beside the antd
// component it copies, in the app's configuration, and the two must name the same classes on the same
// elements, in the same nesting. An antd upgrade that renames a class fails here, not on a page.

/** The markup's elements in document order, each as its tag and its sorted classes ("div.ant-card.ant-card-small"). */
function skeleton(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)\b([^>]*)>/g)]
    .filter(([, tag]) => !['svg', 'path', 'g', 'ellipse', 'title'].includes(tag!))
    .map(([, tag, attrs]) => {
      const cls = /\bclass="([^"]*)"/.exec(attrs!)?.[1] ?? '';
      return [tag, ...cls.split(/\s+/).filter(Boolean).sort()].join('.');
    });
}

const antd = (el: ReactElement) => renderToStaticMarkup(h(ConfigProvider, { theme: { ...THEME, zeroRuntime: true }, button: { autoInsertSpace: false } }, el));
const light = (el: ReactElement) => renderToStaticMarkup(el);
const same = (ours: ReactElement, theirs: ReactElement) => expect(skeleton(light(ours))).toEqual(skeleton(antd(theirs)));

describe('light components draw antd 6 markup (src/light)', () => {
  it('Button: default, primary with an icon, small link, small danger link, dashed block, icon only', () => {
    same(h(Button, null, '重置'), h(AntButton, null, '重置'));
    same(h(Button, { type: 'primary', icon: h(PlusOutlined) }, '新建'), h(AntButton, { type: 'primary', icon: h(PlusOutlined) }, '新建'));
    same(h(Button, { type: 'link', size: 'small' }, '查看'), h(AntButton, { type: 'link', size: 'small' }, '查看'));
    same(h(Button, { type: 'link', size: 'small', danger: true }, '停用'), h(AntButton, { type: 'link', size: 'small', danger: true }, '停用'));
    same(h(Button, { type: 'dashed', size: 'small', block: true }, '加载更多'), h(AntButton, { type: 'dashed', size: 'small', block: true }, '加载更多'));
    same(h(Button, { type: 'text', icon: h(PlusOutlined), 'aria-label': '加' }), h(AntButton, { type: 'text', icon: h(PlusOutlined), 'aria-label': '加' }));
  });

  it('Card with a title and an extra, and without a head', () => {
    same(h(Card, { size: 'small', title: '党组织列表', extra: '导出' }, '表'), h(AntCard, { size: 'small', title: '党组织列表', extra: '导出' }, '表'));
    same(h(Card, { size: 'small' }, '筛选'), h(AntCard, { size: 'small' }, '筛选'));
    same(h(Card, { size: 'small', title: '待办', loading: true }, '—'), h(AntCard, { size: 'small', title: '待办', loading: true }, '—'));
  });

  it('Tag: preset colour, plain, closable', () => {
    same(h(Tag, { color: 'green' }, '在用'), h(AntTag, { color: 'green' }, '在用'));
    same(h(Tag, null, '停用'), h(AntTag, null, '停用'));
    same(h(Tag, { color: 'red', closable: true }, '范围'), h(AntTag, { color: 'red', closable: true }, '范围'));
  });

  it('Space, Text, Link', () => {
    same(h(Space, null, 'a', 'b'), h(AntSpace, null, 'a', 'b'));
    same(h(Space, { orientation: 'vertical', size: 0 }, 'a', 'b'), h(AntSpace, { orientation: 'vertical', size: 0 }, 'a', 'b'));
    same(h(Text, { type: 'secondary' }, '共 3 个'), h(Typography.Text, { type: 'secondary' }, '共 3 个'));
    same(h(Text, { strong: true }, '名'), h(Typography.Text, { strong: true }, '名'));
    same(h(Link, { onClick: () => undefined }, '八里铺'), h(Typography.Link, { onClick: () => undefined }, '八里铺'));
  });

  it('Statistic writes its figure as antd does: thousands grouped, decimals kept, negatives', () => {
    const figure = (html: string) => html.replace(/<[^>]+>/g, '');
    for (const [value, precision] of [[0, undefined], [999, undefined], [1000, undefined], [1234567, undefined], [-1234567.891, 2], [12.5, 2], [-0.001, 2], [100000000, 0]] as const) {
      const props = { value, precision };
      expect(figure(light(h(Statistic, props))), String(value)).toBe(figure(antd(h(AntStatistic, props))));
    }
  });

  it('Alert, Badge, Empty, Progress, Statistic', () => {
    same(h(Alert, { type: 'info', title: '只读' }), h(AntAlert, { type: 'info', showIcon: true, title: '只读' }));
    same(h(Alert, { type: 'error', title: '失败', description: '原因' }), h(AntAlert, { type: 'error', showIcon: true, title: '失败', description: '原因' }));
    same(h(Alert, { type: 'warning', title: '未能加载', action: h(Button, { size: 'small' }, '重新加载') }), h(AntAlert, { type: 'warning', showIcon: true, title: '未能加载', action: h(AntButton, { size: 'small' }, '重新加载') }));
    same(h(Empty, { description: '暂无需求' }), h(AntEmpty, { image: AntEmpty.PRESENTED_IMAGE_SIMPLE, description: '暂无需求' }));
    same(h(Progress, { percent: 40 }), h(AntProgress, { percent: 40, size: 'small' }));
    same(h(Progress, { percent: 100, showInfo: false }), h(AntProgress, { percent: 100, size: 'small', showInfo: false }));
    same(h(Statistic, { title: '红色', value: 1234, suffix: '项' }), h(AntStatistic, { title: '红色', value: 1234, suffix: '项' }));
    same(h(StatusDot, { status: 'error' }), h(AntBadge, { status: 'error' }));
    same(h(StatusDot, { color: '#cf1322', text: '红灯' }), h(AntBadge, { color: '#cf1322', text: '红灯' }));
    // The count's digits are one text in ours and a span per digit in antd's (its rolling animation): the badge around them is the same.
    expect(skeleton(light(h(Badge, { count: 5, size: 'small' }))).slice(0, 2)).toEqual(skeleton(antd(h(AntBadge, { count: 5, size: 'small' }))).slice(0, 2));
  });

  it('Table: header, rows, widths, an ellipsis and a right-aligned column', () => {
    const rows = [{ id: 'o1', name: '红山区委组织部', count: 3 }];
    const columns = [
      { title: '组织名称', dataIndex: 'name' as const, width: 190, ellipsis: true },
      { title: '党员数', dataIndex: 'count' as const, width: 80, align: 'right' as const },
    ];
    same(h(Table<(typeof rows)[number]>, { columns, rows }), h(AntTable, { rowKey: 'id', size: 'middle', pagination: false, columns, dataSource: rows }));
    // An empty list: antd's placeholder row with its Empty.
    const plain = [{ title: '组织名称', dataIndex: 'name' as const }];
    same(h(Table<(typeof rows)[number]>, { columns: plain, rows: [] }), h(AntTable, { rowKey: 'id', size: 'middle', pagination: false, columns: plain, dataSource: [] }));
  });

  it('Row and Col, Segmented, Spin', () => {
    same(h(Row, { gutter: 16, wrap: false }, h(Col, { flex: '300px' }, '树'), h(Col, { flex: 'auto' }, '表')), h(AntRow, { gutter: 16, wrap: false }, h(AntCol, { flex: '300px' }, '树'), h(AntCol, { flex: 'auto' }, '表')));
    same(h(Row, { gutter: [12, 12] }, h(Col, { xs: 24, md: 12, xl: 8 }, '待办')), h(AntRow, { gutter: [12, 12] }, h(AntCol, { xs: 24, md: 12, xl: 8 }, '待办')));
    const options = [
      { value: 'all', label: '全部' },
      { value: 'unread', label: '未读' },
    ];
    same(h(Segmented<string>, { size: 'small', value: 'all', options, onChange: () => undefined }), h(AntSegmented, { size: 'small', value: 'all', options }));
    same(h(Spin, { size: 'large' }), h(AntSpin, { size: 'large' }));
  });

  it('Table: a row that opens (expandable)', () => {
    const rows = [{ id: 'a1', action: '修改党组织' }];
    const columns = [{ title: '操作', dataIndex: 'action' as const }];
    const expandable = { expandedRowRender: () => '前后对比' };
    same(h(Table<(typeof rows)[number]>, { columns, rows, expandable }), h(AntTable, { rowKey: 'id', size: 'middle', pagination: false, columns, dataSource: rows, expandable }));
  });

  it('Tabs: line tabs on top, only the active pane drawn, an extra at the bar\'s right', () => {
    const items = [
      { key: 'compliance', label: '达标情况', children: h('div', null, '表') },
      { key: 'pairings', label: '单位结对', children: h('div', null, '对') },
    ];
    same(h(Tabs, { items, activeKey: 'compliance' }), h(AntTabs, { items, activeKey: 'compliance' }));
    same(h(Tabs, { items, activeKey: 'pairings', tabBarExtraContent: '刷新' }), h(AntTabs, { items, activeKey: 'pairings', tabBarExtraContent: '刷新' }));
  });
});
