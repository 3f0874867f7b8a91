import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import type { AllianceDetail, AllianceDocument } from '../../../api/types.ts';
import { formatTime } from '../../../lib/time.ts';
import { docKindLabel } from './labels.ts';

// A document's print view (ADR 0017): one clean A4 page, outside the sidebar
// layout, in the zh-CN a county office files on paper. It reads the same API
// as the detail page with the signed-in session, so what prints is what the
// reader may see.

const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm 22mm; }
.doc-print { max-width: 210mm; margin: 0 auto; padding: 16px 24px 48px; background: #fff; color: #000;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 15px; line-height: 1.9; }
.doc-print h1 { font-size: 22px; text-align: center; margin: 8px 0 4px; letter-spacing: 1px; }
.doc-print .doc-sub { text-align: center; font-size: 14px; margin-bottom: 20px; }
.doc-print .doc-body { white-space: pre-wrap; text-indent: 0; margin: 16px 0 24px; }
.doc-print table { width: 100%; border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
.doc-print th, .doc-print td { border: 1px solid #000; padding: 3px 6px; text-align: left; }
.doc-print h2 { font-size: 16px; margin: 20px 0 4px; }
.doc-print .doc-sign { text-align: right; margin-top: 32px; }
.doc-print .doc-foot { margin-top: 32px; font-size: 11px; color: #333; border-top: 1px solid #999; padding-top: 6px; word-break: break-all; }
.doc-print-bar { max-width: 210mm; margin: 0 auto; padding: 12px 24px; }
@media print {
  .doc-print-bar { display: none !important; }
  body, .doc-print { background: #fff !important; }
  .doc-print { padding: 0; max-width: none; }
  .doc-print table, .doc-print .doc-sign { break-inside: avoid; }
}
`;

const ROLE_LABELS: Record<string, string> = { lead: '牵头单位', member: '成员单位' };

export default function DocumentPrintPage() {
  const { tenant = '', id = '', docId = '' } = useParams();
  const [doc, setDoc] = useState<AllianceDocument | null>(null);
  const [alliance, setAlliance] = useState<AllianceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([allianceApi.getDocument(tenant, id, docId), allianceApi.get(tenant, id)])
      .then(([d, a]) => {
        if (!alive) return;
        setDoc(d.value);
        setAlliance(a.value);
        document.title = `${d.value.title} - 打印`;
      })
      .catch((err) => alive && setError(errorText(err)));
    return () => {
      alive = false;
    };
  }, [tenant, id, docId]);

  if (error) return <Alert type="error" showIcon title={error} style={{ margin: 24 }} />;
  if (!doc || !alliance) return <Spin style={{ display: 'block', margin: 48 }} />;

  const members = alliance.members.filter((m) => m.current);
  const dates: Array<[string, string | null]> = [
    ['成文日期', doc.docDate],
    ['批准组建', alliance.approvedOn],
    ['成立日期', alliance.foundedOn],
  ];
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="doc-print-bar">
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
            打印
          </Button>
          <Link to={`/t/${encodeURIComponent(tenant)}/alliances/${encodeURIComponent(id)}?tab=documents&doc=${encodeURIComponent(docId)}`}>返回联合体</Link>
        </Space>
      </div>
      <article className="doc-print" data-testid="document-print-view">
        <h1 data-testid="print-title">{doc.title}</h1>
        <div className="doc-sub">
          {alliance.name} · {docKindLabel(doc.kind)}
          {doc.status === 'adopted' ? '' : '（草稿）'}
        </div>
        <table>
          <tbody>
            <tr>
              <th style={{ width: '18%' }}>联合体</th>
              <td data-testid="print-alliance">{alliance.name}</td>
            </tr>
            <tr>
              <th>牵头党组织</th>
              <td>{alliance.leadOrgName}</td>
            </tr>
            <tr>
              <th>审批党(工)委</th>
              <td>{alliance.committeeOrgName}</td>
            </tr>
            {dates
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <div className="doc-body" data-testid="print-body">
          {doc.content}
        </div>
        <h2>成员单位（{members.length} 家）</h2>
        <table data-testid="print-members">
          <thead>
            <tr>
              <th style={{ width: '8%' }}>序号</th>
              <th>单位名称</th>
              <th style={{ width: '14%' }}>身份</th>
              <th style={{ width: '16%' }}>书记</th>
              <th style={{ width: '16%' }}>加入日期</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={m.id}>
                <td>{i + 1}</td>
                <td>{m.orgName}</td>
                <td>{ROLE_LABELS[m.role] ?? '成员单位'}</td>
                <td>{m.secretaryName ?? ''}</td>
                <td>{m.joinedOn ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="doc-sign" data-testid="print-signature">
          {doc.signerOrgName && <div>{doc.signerOrgName}（盖章）</div>}
          {doc.signerName && <div>签署人：{doc.signerName}</div>}
          <div>{doc.docDate ?? ''}</div>
        </div>
        <div className="doc-foot">
          正文指纹（SHA-256）：{doc.contentHash}
          {doc.original && (
            <>
              <br />
              盖章扫描件指纹（SHA-256）：{doc.original.sha256}
            </>
          )}
          <br />
          打印时间：{formatTime(Date.now())}
        </div>
      </article>
    </>
  );
}
