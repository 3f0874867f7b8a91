import { ArrowLeftOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Progress, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorText } from '../../api/client.ts';
import type { Versioned } from '../../api/endpoints.ts';
import { projectApi, type ProjectDetail } from '../../api/project-endpoints.ts';
import { bpToPct, formatFen } from '../../lib/money.ts';
import { PromptModal } from '../../lib/PromptModal.tsx';
import { useTenant } from '../../tenant.tsx';
import { AllocationsTab } from './AllocationsTab.tsx';
import { ClaimsTab } from './ClaimsTab.tsx';
import { CompleteModal } from './CompleteModal.tsx';
import { DANGEROUS, OverdueTag, PROJECT_ACTION_LABELS, PROJECT_ACTIONS, StatusTag, WarningLight, pctText, type ProjectAction } from './labels.tsx';
import { guarded, MilestonesTab } from './MilestonesTab.tsx';
import { FundingTab, OutcomeTab } from './OutcomeTab.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';
import { SupervisionTab } from './SupervisionTab.tsx';
import { ACTION_FORMS } from './workflow.ts';
import { dash } from '../../lib/dash.ts';

const TABS = ['milestones', 'claims', 'allocations', 'supervision', 'outcome', 'funding'] as const;
type TabKey = (typeof TABS)[number];


export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { tenant } = useTenant();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [project, setProject] = useState<Versioned<ProjectDetail> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ text: string; status: number } | null>(null);
  const [action, setAction] = useState<ProjectAction | null>(null);
  const [editing, setEditing] = useState(false);
  const tabParam = params.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'milestones';

  const reload = useCallback(async (): Promise<Versioned<ProjectDetail> | undefined> => {
    setLoading(true);
    try {
      const v = await projectApi.get(tenant.slug, id);
      setProject(v);
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
    setParams(p, { replace: true });
  };

  if (!project) {
    if (error)
      return (
        <Result
          status={error.status === 404 ? '404' : error.status === 403 ? '403' : 'error'}
          title={error.status === 404 ? '项目不存在' : '无法加载项目'}
          subTitle={error.text}
          extra={<Link to={`/t/${tenant.slug}/projects`}>返回项目清单</Link>}
        />
      );
    return <Spin spinning style={{ width: '100%', marginTop: 80 }} />;
  }

  const p = project.value;
  const actions = PROJECT_ACTIONS.filter((x) => p.can[x]);

  const run = async (a: ProjectAction, body: Record<string, unknown>) => {
    const next = await guarded(reload, () => projectApi.transition(tenant.slug, p.id, project.etag, a, body));
    setProject(next);
    message.success(`${PROJECT_ACTION_LABELS[a]}：已完成`);
    setAction(null);
  };
  const runPrompt = async (values: Record<string, string | undefined>) => {
    if (!action) return;
    await run(action, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
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
          <Space wrap>
            <Link to={`/t/${tenant.slug}/projects`} aria-label="返回项目清单">
              <ArrowLeftOutlined />
            </Link>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="project-title">
              {p.title}
            </Typography.Text>
            <StatusTag status={p.status} testId="project-status" />
            <WarningLight level={p.warning} reason={p.warningReason} testId="project-warning" />
            {p.overdue && <OverdueTag />}
          </Space>
        }
        extra={
          <Space wrap data-testid="workflow-actions">
            <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void reload()} loading={loading} />
            {p.can.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {actions.map((x) => (
              <Button key={x} type={DANGEROUS.has(x) ? 'default' : 'primary'} danger={DANGEROUS.has(x)} onClick={() => setAction(x)}>
                {PROJECT_ACTION_LABELS[x]}
              </Button>
            ))}
          </Space>
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
                <Space size={4}>
                  {p.dueOn}
                  {p.overdue && <OverdueTag />}
                </Space>
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

      <PromptModal
        open={form !== null}
        title={action ? `${PROJECT_ACTION_LABELS[action]}：${p.title}` : ''}
        okText={action ? PROJECT_ACTION_LABELS[action] : '确定'}
        danger={action ? DANGEROUS.has(action) : false}
        intro={form?.intro}
        formName={action ? `action-${action}` : 'action'}
        fields={form?.fields ?? []}
        onSubmit={runPrompt}
        onClose={() => setAction(null)}
      />
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
