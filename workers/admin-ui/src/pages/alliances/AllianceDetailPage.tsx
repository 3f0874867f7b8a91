import { ArrowLeftOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { allianceApi } from '../../api/alliance-endpoints.ts';
import { ApiError, errorText } from '../../api/client.ts';
import type { Versioned } from '../../api/endpoints.ts';
import type { AllianceDetail } from '../../api/types.ts';
import { filingsChanged } from '../../lib/filingsBadge.ts';
import { PromptModal } from '../../lib/PromptModal.tsx';
import { useTenant } from '../../tenant.tsx';
import { AdjustmentsTab } from './AdjustmentsTab.tsx';
import { AllianceFormModal } from './AllianceFormModal.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { DocumentDrawer, type DocumentTarget } from './DocumentDrawer.tsx';
import { DocumentsTab } from './DocumentsTab.tsx';
import { GovernanceTab } from './GovernanceTab.tsx';
import { ALLIANCE_ACTION_LABELS, ALLIANCE_ACTIONS, ALLIANCE_STATUS_LABELS, DANGEROUS, STATUS_COLORS, type AllianceAction } from './labels.ts';
import { MembersTab } from './MembersTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';
import { ACTION_FORMS } from './workflow.ts';
import { dash } from '../../lib/dash.ts';

const TABS = ['members', 'governance', 'documents', 'adjustments', 'timeline'] as const;
type TabKey = (typeof TABS)[number];


export default function AllianceDetailPage() {
  const { id = '' } = useParams();
  const { tenant, perms } = useTenant();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [alliance, setAlliance] = useState<Versioned<AllianceDetail> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ text: string; status: number } | null>(null);
  const [action, setAction] = useState<AllianceAction | null>(null);
  const [editing, setEditing] = useState(false);
  const tabParam = params.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'members';
  const docParam = params.get('doc');
  const [docTarget, setDocTarget] = useState<DocumentTarget>(docParam ? { mode: 'view', docId: docParam } : null);

  const reload = useCallback(async (): Promise<Versioned<AllianceDetail> | undefined> => {
    setLoading(true);
    try {
      const v = await allianceApi.get(tenant.slug, id);
      setAlliance(v);
      setError(null);
      return v;
    } catch (err) {
      setError({ text: errorText(err), status: err instanceof ApiError ? err.status : 0 });
      return undefined;
    } finally {
      setLoading(false);
    }
  }, [tenant.slug, id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setTab = (next: string) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    p.delete('doc');
    setParams(p, { replace: true });
  };
  const openDocument = (t: DocumentTarget) => setDocTarget(t);
  const closeDocument = () => {
    setDocTarget(null);
    if (params.has('doc')) {
      const p = new URLSearchParams(params);
      p.delete('doc');
      setParams(p, { replace: true });
    }
  };

  if (!alliance) {
    if (error)
      return (
        <Result
          status={error.status === 404 ? '404' : error.status === 403 ? '403' : 'error'}
          title={error.status === 404 ? '联合体不存在' : '无法加载联合体'}
          subTitle={error.text}
          extra={<Link to={`/t/${tenant.slug}/alliances`}>返回联合体列表</Link>}
        />
      );
    return <Spin spinning style={{ width: '100%', marginTop: 80 }} />;
  }

  const a = alliance.value;
  const actions = ALLIANCE_ACTIONS.filter((x) => a.can[x]);
  const form = action ? ACTION_FORMS[action] : null;

  const runAction = async (values: Record<string, string | undefined>) => {
    if (!action) return;
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    try {
      const next = await allianceApi.transition(tenant.slug, a.id, alliance.etag, action, body);
      setAlliance(next);
      filingsChanged();
      message.success(`${ALLIANCE_ACTION_LABELS[action]}：已完成`);
      setAction(null);
    } catch (err) {
      // The modal shows the problem; a stale copy is replaced so the retry carries the new version.
      if (err instanceof ApiError && err.status === 412) await reload();
      throw err;
    }
  };

  const tabProps = { tenant: tenant.slug, alliance, onChanged: setAlliance, reload };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={
          <Space wrap>
            <Link to={`/t/${tenant.slug}/alliances`} aria-label="返回联合体列表">
              <ArrowLeftOutlined />
            </Link>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="alliance-name">
              {a.name}
            </Typography.Text>
            <Tag color={STATUS_COLORS[a.status]} data-testid="alliance-status">
              {ALLIANCE_STATUS_LABELS[a.status]}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap data-testid="workflow-actions">
            <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void reload()} loading={loading} />
            {perms.canReadFilings && <Link to={`/t/${tenant.slug}/filings?allianceId=${encodeURIComponent(a.id)}`}>备案记录</Link>}
            {a.can.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {actions.map((x) => (
              <Button key={x} type={DANGEROUS.has(x) ? 'default' : 'primary'} danger={DANGEROUS.has(x)} onClick={() => setAction(x)}>
                {ALLIANCE_ACTION_LABELS[x]}
              </Button>
            ))}
          </Space>
        }
      >
        {a.status === 'dissolved' && <Alert type="warning" showIcon title={`该联合体已于 ${dash(a.dissolvedOn)} 撤销`} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="alliance-summary">
              <Descriptions.Item label="类型">{a.typeNote ? `${a.type}（${a.typeNote}）` : a.type}</Descriptions.Item>
              <Descriptions.Item label="融合模式">{a.model}</Descriptions.Item>
              <Descriptions.Item label="联建方式">{a.pairingForm}</Descriptions.Item>
              <Descriptions.Item label="成员单位">{a.memberCount} 个</Descriptions.Item>
              <Descriptions.Item label="牵头党组织">{a.leadOrgName}</Descriptions.Item>
              <Descriptions.Item label="上级党(工)委">{a.committeeOrgName}</Descriptions.Item>
              <Descriptions.Item label="申请日期">{dash(a.appliedOn)}</Descriptions.Item>
              <Descriptions.Item label="批准日期">{dash(a.approvedOn)}</Descriptions.Item>
              <Descriptions.Item label="成立日期">{dash(a.foundedOn)}</Descriptions.Item>
              <Descriptions.Item label="开始运行">{dash(a.startedOn)}</Descriptions.Item>
              <Descriptions.Item label="共同愿景" span={2}>
                {a.vision}
              </Descriptions.Item>
              <Descriptions.Item label="共同需求" span={2}>
                {a.commonNeeds}
              </Descriptions.Item>
              <Descriptions.Item label="运行制度" span={2}>
                {a.houseRules.length ? a.houseRules.map((r) => <Tag key={r}>{r}</Tag>) : '—'}
              </Descriptions.Item>
              {a.consortium && (
                <Descriptions.Item label="产业化联合体" span={2}>
                  种养殖大户 {a.consortium.largeGrowers} 户；参与农牧户 {a.consortium.households} / {a.consortium.householdsTotal} 户
                  {a.consortium.householdsTotal > 0 && `（${((a.consortium.households / a.consortium.householdsTotal) * 100).toFixed(1)}%）`}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Col>
          <Col xs={24} xl={8}>
            <ChecksPanel alliance={a} />
          </Col>
        </Row>
      </Card>

      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'members', label: `成员单位（${a.members.filter((m) => m.current).length}）`, children: <MembersTab {...tabProps} /> },
            { key: 'governance', label: '议事机构', children: <GovernanceTab {...tabProps} /> },
            { key: 'documents', label: `文书（${a.documents.length}）`, children: <DocumentsTab {...tabProps} openDocument={openDocument} /> },
            {
              key: 'adjustments',
              label: `调整${a.adjustments.some((j) => j.status === 'proposed') ? '（待决定）' : ''}`,
              children: <AdjustmentsTab {...tabProps} />,
            },
            { key: 'timeline', label: '时间轴', children: <TimelineTab {...tabProps} openDocument={openDocument} /> },
          ]}
        />
      </Card>

      <PromptModal
        open={action !== null}
        title={action ? `${ALLIANCE_ACTION_LABELS[action]}：${a.name}` : ''}
        okText={action ? ALLIANCE_ACTION_LABELS[action] : '确定'}
        danger={action ? DANGEROUS.has(action) : false}
        intro={form?.intro}
        formName={action ? `action-${action}` : 'action'}
        fields={form?.fields ?? []}
        onSubmit={runAction}
        onClose={() => setAction(null)}
      />
      <AllianceFormModal
        open={editing}
        alliance={alliance}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setAlliance(saved);
        }}
        onStale={reload}
      />
      <DocumentDrawer
        tenant={tenant.slug}
        alliance={a}
        target={docTarget}
        onClose={closeDocument}
        onSaved={() => {
          closeDocument();
          void reload();
        }}
      />
    </Space>
  );
}
