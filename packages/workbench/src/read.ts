// What other capabilities may read of the 工作台 (ADR 0010). The workbench owns
// `notifications`; another capability that needs a fact about a person's inbox
// asks here, never the table.
export { unreadCount } from './inbox.ts';
