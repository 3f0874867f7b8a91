import { Alert, Card, Descriptions, List, Result, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorText } from '../../api/client.ts';
import { myApi, type MyProfile } from '../../api/people-endpoints.ts';
import { useTenant } from '../../tenant.tsx';
import { ALLIANCE_ROLE_LABELS, PERSON_KIND_LABELS } from './labels.ts';

/**
 * 我的: a member's own page, phone-first (one column, nothing wider than the
 * screen at 390 px): who they are, their home branch (一方隶属) and every
 * alliance it belongs to (多方共管).
 */
export default function MyPage() {
  const { tenant } = useTenant();
  const [profile, setProfile] = useState<MyProfile | null>(null);
  const [error, setError] = useState<{ text: string; notLinked: boolean } | null>(null);

  useEffect(() => {
    setProfile(null);
    setError(null);
    myApi
      .profile(tenant.slug)
      .then(setProfile)
      .catch((err) => setError({ text: errorText(err), notLinked: err instanceof ApiError && err.status === 404 }));
  }, [tenant.slug]);

  if (error?.notLinked)
    return (
      <div data-testid="my-page">
        <Result status="info" title="尚未关联党员信息" subTitle={error.text} />
      </div>
    );
  if (error) return <Alert type="error" showIcon title={error.text} />;
  if (!profile) return <Spin />;
  const p = profile.person;

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="my-page">
      <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{p.name}</Typography.Title>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="身份">{p.partyStanding ? `${p.partyStanding}党员` : PERSON_KIND_LABELS[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="所在党组织">{profile.homeOrg?.name ?? '—'}</Descriptions.Item>
          {p.inService && <Descriptions.Item label="在职单位">{p.workUnit ?? '在职党员'}</Descriptions.Item>}
          <Descriptions.Item label="手机号">{p.phone ?? '—'}</Descriptions.Item>
          {p.skills.length > 0 && <Descriptions.Item label="特长">{p.skills.map((s) => <Tag key={s}>{s}</Tag>)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title="我所在的党建联合体">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          一方隶属、多方共管：所在党组织参加的联合体都是您的活动阵地。
        </Typography.Paragraph>
        <List
          dataSource={profile.alliances}
          locale={{ emptyText: '所在党组织暂未加入党建联合体' }}
          renderItem={(a) => (
            <List.Item>
              <span style={{ overflowWrap: 'anywhere' }}>{a.name}</span>
              <Tag>{ALLIANCE_ROLE_LABELS[a.role] ?? '成员单位'}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
