import { Result } from 'antd';

/** Signed in, but no tenant to open: the account has no grant yet. */
export default function NoTenant() {
  return <Result status="403" title="没有可访问的旗县区" subTitle="您的账号尚未被授予任何旗县区的角色，请联系组织部管理员。" />;
}
