import { Alert, Card, Radio, Result, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { listPermissionsFor } from '../../../lib/listPermissions.ts';
import { useSession } from '../../../session.tsx';
import { useTenant } from '../../../tenant.tsx';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';
import { projectLinks } from './AcceptModal.tsx';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import { allianceToOpen } from './default-alliance.ts';
import { SuggestPanel } from './SuggestPanel.tsx';

type Mode = 'suggest' | 'assign';

/**
 * 需求对接: for one alliance (or, for the county administrator, the whole county)
 * either per-need suggestions with their explanation, or the optimal assignment
 * of all open needs. The scope, mode and chosen need live in the URL.
 */
export default function MatchingPage() {
  const { tenant } = useTenant();
  const { me } = useSession();
  const lp = useMemo(() => listPermissionsFor(tenant), [tenant]);
  const [params, setParams] = useSearchParams();
  const [accepted, setAccepted] = useState<string[]>([]);

  const county = lp.canMatchCounty && params.get('scope') === 'county';
  const allianceId = county ? null : params.get('allianceId');
  const mode: Mode = params.get('mode') === 'assign' ? 'assign' : 'suggest';
  const needId = params.get('needId');

  const set = (changes: Record<string, string | null>, replace = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace });
  };

  // An alliance administrator starts in their own alliance.
  useEffect(() => {
    if (params.get('allianceId') || params.get('scope')) return;
    const grant = me?.grants.find((g) => g.tenant === tenant.slug && g.role === 'alliance_admin' && (g.scopeAllianceId || g.scopeOrgId));
    if (!grant) return;
    if (grant.scopeAllianceId) return set({ allianceId: grant.scopeAllianceId }, true);
    // The grant names the lead organization: its alliance is the one it leads.
    const leadOrgId = grant.scopeOrgId;
    if (!leadOrgId) return;
    let live = true;
    allianceApi
      .list(tenant.slug, { orgId: leadOrgId, limit: 20 })
      .then((page) => {
        const led = allianceToOpen(page.items, leadOrgId);
        if (live && led) set({ allianceId: led.id }, true);
      })
      .catch(() => undefined); // the picker stays empty; the user chooses
    return () => {
      live = false;
    };
  }, [me, tenant.slug]);

  if (!lp.canRunMatching) {
    return <Result status="403" title="无权进行需求对接" subTitle="需求对接由联合体牵头单位管理员、上级党(工)委和旗县区委组织部进行。" />;
  }

  const scopeLabel = county ? '全旗县区' : '本联合体';
  const ready = county || !!allianceId;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size="middle">
          <Typography.Text strong>对接范围</Typography.Text>
          {lp.canMatchCounty && (
            <Radio.Group
              value={county ? 'county' : 'alliance'}
              onChange={(e) => set({ scope: e.target.value === 'county' ? 'county' : null, needId: null })}
              optionType="button"
            >
              <Radio value="alliance">按联合体</Radio>
              <Radio value="county">全旗县区统一匹配</Radio>
            </Radio.Group>
          )}
          {!county && <AllianceFilter tenant={tenant.slug} width={320} placeholder="选择党建联合体" value={allianceId} onChange={(v) => set({ allianceId: v ?? null, needId: null })} />}
        </Space>
      </Card>
      {accepted.length > 0 && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setAccepted([])}
          title={
            <span data-testid="accepted-notice">
              对接已确认，已生成或扩充 {accepted.length} 个项目，待成员单位认领。{projectLinks(tenant.slug, accepted)}
            </span>
          }
        />
      )}
      {!ready ? (
        <Card size="small">
          <Result status="info" title="请先选择党建联合体" subTitle={lp.canMatchCounty ? '也可以选择“全旗县区统一匹配”，对全县的需求和资源统一求解。' : '需求与本联合体成员单位开放的资源对接；资源在全县范围内共享。'} />
        </Card>
      ) : (
        <Card size="small">
          <Tabs
            activeKey={mode}
            onChange={(k) => set({ mode: k === 'assign' ? 'assign' : null })}
            items={[
              {
                key: 'suggest',
                label: '按需求推荐',
                children: (
                  <SuggestPanel
                    allianceId={allianceId}
                    needId={needId}
                    onPickNeed={(id) => set({ needId: id }, true)}
                    canAccept={lp.canAcceptMatch}
                    onAccepted={(ids) => setAccepted(ids)}
                  />
                ),
              },
              {
                key: 'assign',
                label: '一键最优匹配',
                children: <AssignmentPanel allianceId={allianceId} scopeLabel={scopeLabel} canAccept={lp.canAcceptMatch} onAccepted={(ids) => setAccepted(ids)} />,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
