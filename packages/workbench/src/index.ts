export { getWorkbench, keyFigures, responsibilities, todosFor, type Responsibilities, type WorkbenchCtx } from './todos.ts';
export { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from './inbox.ts';
export { filingsSignedConsumer } from './filings-signed.ts';
export { deliveriesOf, notificationsConsumer, resolveAudience, type Delivery } from './notify.ts';
export { RECIPIENTS, ruleFor, type AllianceContext, type Audience, type Message, type NotifiedType, type ProjectContext, type Rule } from './recipients.ts';
export { getTodoCounts } from './todo-counts.ts';
