// The UI benchmark's reference (issue 15 § 4, docs/adr/0031): the plainest page the same stack makes
// of the same data, written as the libraries' own guides would: React 19, antd 6 with its defaults
// (styles generated while drawing), a sider and a header, and one Table of the first 20 organizations
// read from the same worker. No app code, router, preloading or early reads. `pnpm bench --only-ui`
// builds it (vite.config.ts beside this file) and loads it cold, interleaved with the app's
// 党组织管理 page served the same way, so the app's figure reads as a multiple of what the stack
// itself needs on this machine in the same run. Not part of the admin UI's build.
import { ConfigProvider, Layout, Table, Tag, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { type Org, useFirstOrgs } from './orgs.ts';

function OrgsReference() {
  const rows = useFirstOrgs();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="light" />
      <Layout>
        <Layout.Header style={{ background: '#fff' }} />
        <Layout.Content style={{ padding: 24 }}>
          <div data-testid="org-table">
            <Typography.Title level={4}>党组织管理</Typography.Title>
            <Table<Org>
              rowKey="id"
              loading={rows === null}
              dataSource={rows ?? []}
              pagination={false}
              columns={[
                { title: '名称', dataIndex: 'name' },
                { title: '上级', dataIndex: 'parentName' },
                { title: '类型', dataIndex: 'kind', render: (kind: string) => <Tag>{kind}</Tag> },
                { title: '领域', dataIndex: 'domain' },
                { title: '书记', dataIndex: 'secretaryName' },
                { title: '党员数', dataIndex: 'memberCount', align: 'right' },
                { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'active' ? '正常' : '已停用') },
              ]}
            />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN}>
    <OrgsReference />
  </ConfigProvider>,
);
