import { Alert, Card, Col, Descriptions, Progress, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { projectApi } from '../../../api/project-endpoints.ts';
import { dash } from '../../../lib/dash.ts';
import { DetailPending, DetailTitle, useTabParam, WorkflowButtons, WorkflowPrompt } from '../../../lib/DetailPage.tsx';
import { bpToPct, formatFen } from '../../../lib/money.ts';
import { reloadingOnStale, useVersioned } from '../../../lib/useVersioned.ts';
import { useTenant } from '../../../tenant.tsx';
import { AllocationsTab } from './AllocationsTab.tsx';
import { ClaimsTab } from './ClaimsTab.tsx';
import { CompleteModal } from './CompleteModal.tsx';
import { DANGEROUS, DueDate, OverdueTag, PROJECT_ACTION_LABELS, PROJECT_ACTIONS, StatusTag, WarningLight, pctText, type ProjectAction } from './labels.tsx';
import { MilestonesTab } from './MilestonesTab.tsx';
import { FundingTab, OutcomeTab } from './OutcomeTab.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';
import { SupervisionTab } from './SupervisionTab.tsx';
import { ACTION_FORMS } from './workflow.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const TABS = ['milestones', 'claims', 'allocations', 'supervision', 'outcome', 'funding'] as const;

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const { item: project, setItem: setProject, loading, error, reload } = useVersioned(tenant.slug, id, projectApi.get);
  const [action, setAction] = useState<ProjectAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useTabParam(TABS, 'milestones');
  const back = `/t/${tenant.slug}/projects`;

  if (!project) return <DetailPending error={error} noun="项目" backTo={back} backText="返回项目清单" />;

  const p = project.value;
  const actions = PROJECT_ACTIONS.filter((x) => p.can[x]);

  const run = async (a: ProjectAction, body: Record<string, unknown>) => {
    const next = await reloadingOnStale(reload, () => projectApi.transition(tenant.slug, p.id, project.etag, a, body));
    setProject(next);
    message.success(`${PROJECT_ACTION_LABELS[a]}：已完成`);
    setAction(null);
  };
  const form = action && action !== 'complete' ? ACTION_FORMS[action] : null;
  const tabProps = { tenant: tenant.slug, project, onChanged: setProject, reload };
  const pendingClaims = p.claims.filter((c) => c.status === 'pending').length;
  const supervisionCount = p.notes.filter((n) => n.kind === 'supervise' || n.kind === 'escalation').length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={
          <DetailTitle backTo={back} backText="返回项目清单">
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="project-title">
              {p.title}
            </Typography.Text>
            <StatusTag status={p.status} testId="project-status" />
            <WarningLight level={p.warning} reason={p.warningReason} testId="project-warning" />
            {p.overdue && <OverdueTag />}
          </DetailTitle>
        }
        extra={
          <WorkflowButtons
            loading={loading}
            onReload={() => void reload()}
            onEdit={p.can.update ? () => setEditing(true) : undefined}
            actions={actions}
            labels={PROJECT_ACTION_LABELS}
            dangerous={DANGEROUS}
            onAction={setAction}
          />
        }
      >
        {p.status === 'cancelled' && <Alert type="warning" showIcon title={`该项目已取消${p.cancelReason ? `：${p.cancelReason}` : ''}`} style={{ marginBottom: 12 }} />}
        {p.warning !== 'none' && p.warning !== 'green' && p.warningReason && (
          <Alert type={p.warning === 'red' ? 'error' : 'warning'} showIcon title={p.warningReason} style={{ marginBottom: 12 }} data-testid="warning-reason" />
        )}
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="project-summary">
              <Descriptions.Item label="党建联合体">
                <Link to={`/t/${tenant.slug}/alliances/${p.allianceId}`}>{p.allianceName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="项目负责人">
                {[p.ownerName, p.ownerOrgName].filter(Boolean).join(' · ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="认领单位">{p.claimOrgNames.length ? p.claimOrgNames.map((n) => <Tag key={n}>{n}</Tag>) : '—'}</Descriptions.Item>
              <Descriptions.Item label="经费">{formatFen(p.budgetFen)}</Descriptions.Item>
              <Descriptions.Item label="开始日期">{dash(p.startedOn ?? p.startOn)}</Descriptions.Item>
              <Descriptions.Item label="完成期限">
                <DueDate date={p.dueOn} overdue={p.overdue} />
              </Descriptions.Item>
              {p.escalatedOn && <Descriptions.Item label="逾期督办">{p.escalatedOn}</Descriptions.Item>}
              <Descriptions.Item label="项目内容" span={2}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{dash(p.description)}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" align="center" style={{ width: '100%' }}>
              <Progress
                type="dashboard"
                percent={bpToPct(p.progressBp)}
                status={p.overdue ? 'exception' : p.progressBp >= 10000 ? 'success' : 'normal'}
                format={pctText}
                data-testid="project-progress"
              />
              <Typography.Text type="secondary">按节点权重汇总的进度</Typography.Text>
            </Space>
          </Col>
        </Row>
      </Card>

      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'milestones', label: `节点进度（${p.milestones.length}）`, children: <MilestonesTab {...tabProps} /> },
            { key: 'claims', label: `认领${pendingClaims ? `（${pendingClaims} 待确认）` : `（${p.claims.length}）`}`, children: <ClaimsTab {...tabProps} /> },
            { key: 'allocations', label: `需求与资源（${p.allocations.length}）`, children: <AllocationsTab {...tabProps} /> },
            { key: 'supervision', label: `督办${supervisionCount ? `（${supervisionCount}）` : ''}`, children: <SupervisionTab {...tabProps} /> },
            { key: 'outcome', label: '成效', children: <OutcomeTab {...tabProps} /> },
            { key: 'funding', label: '经费', children: <FundingTab {...tabProps} /> },
          ]}
        />
      </Card>

      <WorkflowPrompt action={action} form={form} labels={PROJECT_ACTION_LABELS} dangerous={DANGEROUS} itemName={p.title} onRun={run} onClose={() => setAction(null)} />
      <CompleteModal open={action === 'complete'} project={p} onSubmit={(body) => run('complete', body)} onClose={() => setAction(null)} />
      <ProjectFormModal
        open={editing}
        project={project}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setProject(saved);
        }}
        onStale={reload}
      />
    </Space>
  );
}
