// Words for the 双报到 pages (zh-CN everywhere a person reads).
export const ORG_STANDING_LABELS: Record<string, string> = { unpaired: '未结对', short: '未达标', met: '达标' };
export const MEMBER_STANDING_LABELS: Record<string, string> = { unreported: '未报到', short: '未达标', met: '达标' };
export const STANDING_COLORS: Record<string, string> = { unpaired: 'red', unreported: 'red', short: 'orange', met: 'green' };
export const PAIRING_STATUS_LABELS: Record<string, string> = { active: '结对中', ended: '已结束' };
export const REPORT_STATUS_LABELS: Record<string, string> = { active: '报到中', ended: '已结束' };
