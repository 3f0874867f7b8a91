import { Alert, Card, Col, Descriptions, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import type { TransitionInput } from '../../../api/types.ts';
import { dash } from '../../../lib/dash.ts';
import { DetailPending, DetailTitle, useTabParam, WorkflowButtons, WorkflowPrompt } from '../../../lib/DetailPage.tsx';
import { filingsChanged } from '../filings/filingsBadge.ts';
import { reloadingOnStale, useVersioned } from '../../../lib/useVersioned.ts';
import { useTenant } from '../../../tenant.tsx';
import { AdjustmentsTab } from './AdjustmentsTab.tsx';
import { AllianceFormModal } from './AllianceFormModal.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { DocumentDrawer, type DocumentTarget } from './DocumentDrawer.tsx';
import { DissolveModal } from './DissolveModal.tsx';
import { DocumentsTab } from './DocumentsTab.tsx';
import { GovernanceTab } from './GovernanceTab.tsx';
import { ALLIANCE_ACTION_LABELS, ALLIANCE_ACTIONS, ALLIANCE_STATUS_LABELS, DANGEROUS, STATUS_COLORS, type AllianceAction } from './labels.ts';
import { MembersTab } from './MembersTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';
import { ACTION_FORMS } from './workflow.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const TABS = ['members', 'governance', 'documents', 'adjustments', 'timeline'] as const;

export default function AllianceDetailPage() {
  const { id = '' } = useParams();
  const { tenant, perms } = useTenant();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const { item: alliance, setItem: setAlliance, loading, error, reload } = useVersioned(tenant.slug, id, allianceApi.get);
  const [action, setAction] = useState<AllianceAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useTabParam(TABS, 'members', ['doc']);
  const docParam = params.get('doc');
  const [docTarget, setDocTarget] = useState<DocumentTarget>(docParam ? { mode: 'view', docId: docParam } : null);
  const back = `/t/${tenant.slug}/alliances`;

  const openDocument = (t: DocumentTarget) => setDocTarget(t);
  const closeDocument = () => {
    setDocTarget(null);
    if (params.has('doc')) {
      const p = new URLSearchParams(params);
      p.delete('doc');
      setParams(p, { replace: true });
    }
  };

  if (!alliance) return <DetailPending error={error} noun="联合体" backTo={back} backText="返回联合体列表" />;

  const a = alliance.value;
  const actions = ALLIANCE_ACTIONS.filter((x) => a.can[x]);
  // Dissolution has its own dialog: it settles the open work (ADR 0016).
  const form = action && action !== 'dissolve' ? ACTION_FORMS[action] : null;

  const runAction = async (x: AllianceAction, body: TransitionInput) => {
    const next = await reloadingOnStale(reload, () => allianceApi.transition(tenant.slug, a.id, alliance.etag, x, body));
    setAlliance(next);
    filingsChanged();
    message.success(`${ALLIANCE_ACTION_LABELS[x]}：已完成`);
    setAction(null);
  };

  const tabProps = { tenant: tenant.slug, alliance, onChanged: setAlliance, reload };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={
          <DetailTitle backTo={back} backText="返回联合体列表">
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="alliance-name">
              {a.name}
            </Typography.Text>
            <Tag color={STATUS_COLORS[a.status]} data-testid="alliance-status">
              {ALLIANCE_STATUS_LABELS[a.status]}
            </Tag>
          </DetailTitle>
        }
        extra={
          <WorkflowButtons
            loading={loading}
            onReload={() => void reload()}
            onEdit={a.can.update ? () => setEditing(true) : undefined}
            actions={actions}
            labels={ALLIANCE_ACTION_LABELS}
            dangerous={DANGEROUS}
            onAction={setAction}
          >
            {perms.canReadFilings && <Link to={`/t/${tenant.slug}/filings?allianceId=${encodeURIComponent(a.id)}`}>备案记录</Link>}
          </WorkflowButtons>
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

      <DissolveModal open={action === 'dissolve'} tenant={tenant.slug} allianceId={a.id} allianceName={a.name} onRun={(body) => runAction('dissolve', body)} onClose={() => setAction(null)} />
      <WorkflowPrompt action={action === 'dissolve' ? null : action} form={form} labels={ALLIANCE_ACTION_LABELS} dangerous={DANGEROUS} itemName={a.name} onRun={runAction} onClose={() => setAction(null)} />
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
        onChanged={() => void reload()}
      />
    </Space>
  );
}
