import { ORG_DOMAINS, ORG_KINDS, ORG_STATUS_LABELS, QUALITY_STATUSES } from '@ronghe/schema';

export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  parentId: '上级党组织',
  parentName: '上级党组织',
  name: '组织名称',
  kind: '组织类别',
  domain: '所属领域',
  divisionCode: '行政区划代码',
  isExternal: '外部成员单位',
  externalRegion: '所在地区',
  secretaryName: '书记',
  secretaryPhone: '书记电话',
  liaisonName: '联络员',
  liaisonPhone: '联络员电话',
  memberCount: '党员人数',
  qualityStatus: '达标状态',
  weakFlag: '软弱涣散',
  status: '状态',
  deactivatedAt: '停用时间',
  deactivationReason: '停用原因',
  depth: '层级',
  childCount: '下级组织数',
  version: '版本',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  path: '隶属路径',
  phonesMasked: '电话已脱敏',
};

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const KIND_OPTIONS = opts(ORG_KINDS);
export const DOMAIN_OPTIONS = opts(ORG_DOMAINS);
export const QUALITY_OPTIONS = opts(QUALITY_STATUSES);
/** The same words as the Excel export writes (ORG_STATUS_LABELS). */
export const STATUS_LABELS: Record<string, string> = ORG_STATUS_LABELS;

export const QUALITY_COLORS: Record<string, string> = {
  未达标: 'default',
  标准化规范化: 'blue',
  '最强党支部（区级）': 'gold',
  '最强党支部（市级）': 'red',
};
