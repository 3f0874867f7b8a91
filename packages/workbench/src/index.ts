export { getWorkbench, keyFigures, responsibilities, todosFor, type Responsibilities } from './todos.ts';
export { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from './inbox.ts';
export { notify, resolveAudience, type NotifyCtx, type NotifyResult } from './notify.ts';
export { RECIPIENTS, ruleFor, type Audience, type DomainEvent, type EventData, type EventType, type Rule } from './recipients.ts';
