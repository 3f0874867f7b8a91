// The UI benchmark's second reference (issue 15 § 4, docs/adr/0031): the page of ../main.tsx, a sider, a
// header and a table of the first 20 organizations, drawn by React 19 alone with plain elements and a few
// inline styles, no component library. It is the floor of any lighter component layer under React: what
// is left when antd's own cost is taken away. The class names the bench waits for (`ant-layout-content`,
// `ant-table-row`, bench/ui.ts dataVisible) are only markers here; no antd stylesheet is loaded.
import type { CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { type Org, useFirstOrgs } from '../orgs.ts';

const cell: CSSProperties = { padding: '8px 12px', borderBottom: '1px solid #f0f0f0', textAlign: 'left' };
const COLUMNS: Array<[string, (o: Org) => string | number | null]> = [
  ['名称', (o) => o.name],
  ['上级', (o) => o.parentName],
  ['类型', (o) => o.kind],
  ['领域', (o) => o.domain],
  ['书记', (o) => o.secretaryName],
  ['党员数', (o) => o.memberCount],
  ['状态', (o) => (o.status === 'active' ? '正常' : '已停用')],
];

function OrgsPlain() {
  const rows = useFirstOrgs();
  return (
    <div style={{ display: 'flex', minHeight: '100vh', fontFamily: 'system-ui, sans-serif', fontSize: 14 }}>
      <aside style={{ width: 220, background: '#fff', borderRight: '1px solid #f0f0f0' }} />
      <div style={{ flex: 1, background: '#f5f5f5' }}>
        <header style={{ height: 64, background: '#fff' }} />
        <main className="ant-layout-content" style={{ padding: 24 }}>
          <div data-testid="org-table" style={{ background: '#fff', padding: 16 }}>
            <h4 style={{ margin: '0 0 12px' }}>党组织管理</h4>
            {rows === null ? (
              <p>加载中…</p>
            ) : (
              <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                <thead>
                  <tr>{COLUMNS.map(([title]) => <th key={title} style={{ ...cell, background: '#fafafa' }}>{title}</th>)}</tr>
                </thead>
                <tbody>
                  {rows.map((o) => (
                    <tr key={o.id} className="ant-table-row">
                      {COLUMNS.map(([title, value]) => <td key={title} style={cell}>{value(o) ?? '—'}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </main>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<OrgsPlain />);
