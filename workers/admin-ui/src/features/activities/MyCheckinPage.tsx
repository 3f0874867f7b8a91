import { Alert, Button, Card, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, errorText } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { activitiesApi, type CheckinResult } from './api.ts';

/** Where the phone is, if the member lets us know (the server asks for it only when the activity limits the distance). */
function position(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 60_000 },
    );
  });
}

/** 活动签到 (phone-first): an activity's QR code opens this page with ?code=; the code can also be typed. */
export default function MyCheckinPage() {
  const { tenant } = useTenant();
  const [params] = useSearchParams();
  const [code, setCode] = useState((params.get('code') ?? '').toUpperCase());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CheckinResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (withPlace = false) => {
    setBusy(true);
    setError(null);
    try {
      const where = withPlace ? await position() : null;
      setDone(await activitiesApi.checkin(tenant.slug, { code: code.trim(), ...(where ?? {}) }));
    } catch (err) {
      // The activity asks for the place (the refusal names body.lat): try once more with the
      // phone's position, the button still busy until that answer is in.
      if (!withPlace && err instanceof ApiError && err.problem.errors?.some((e) => e.path === 'body.lat')) return await submit(true);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={done.duplicate ? '您已签到过' : '签到成功'}
        subTitle={
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>{done.activity.title}</Typography.Text>
            <Typography.Text>{done.activity.allianceName}</Typography.Text>
            <Typography.Text>{`${done.activity.activityDate} ${done.activity.startTime}–${done.activity.endTime}`}</Typography.Text>
            <Typography.Text>{done.activity.place}</Typography.Text>
          </Space>
        }
        extra={<Link to={`/t/${tenant.slug}/my/activities`}>查看我的活动</Link>}
      />
    );
  }
  return (
    <Card title="活动签到" style={{ maxWidth: 480, margin: '0 auto' }}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">扫描活动现场的二维码，或输入签到码</Typography.Text>
        <Input
          size="large"
          placeholder="签到码"
          aria-label="签到码"
          value={code}
          maxLength={8}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          onPressEnter={() => submit()}
          style={{ letterSpacing: 4, textAlign: 'center' }}
        />
        {error && <Alert type="error" showIcon title={error} />}
        <Button type="primary" size="large" block loading={busy} disabled={code.trim().length < 6} onClick={() => submit()}>
          签到
        </Button>
      </Space>
    </Card>
  );
}
