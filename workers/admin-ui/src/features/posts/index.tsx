import { HeartOutlined, SolutionOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

// Drawn without antd (src/light/, docs/adr/0031): its pager, form and drawer load after it.
const PostsPage = lazyPage(() => import('./PostsPage.tsx'), undefined, { light: true });
const MyPostsPage = lazyPage(() => import('./MyPostsPage.tsx'));

/** 报到领岗 (issue 11): the owners' 岗位 pages, and members' phone page 我的岗位. */
export const posts = {
  pages: [
    { path: 'posts', element: <PostsPage />, staysOnSwitch: inCounty },
    { path: 'my/posts', element: <MyPostsPage />, staysOnSwitch: inCounty },
  ],
  menu: {
    posts: { key: 'posts', icon: <SolutionOutlined />, label: '报到领岗', action: 'post.decide', shownIn: inCounty },
    myPosts: { key: 'my/posts', icon: <HeartOutlined />, label: '我的岗位', action: 'post.claim', shownIn: inCounty },
  },
} satisfies Feature;
