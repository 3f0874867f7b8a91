import type { AllianceModel, AllianceType, PairingForm } from '@ronghe/schema/enums';
import type { Rng } from './prng.ts';
import type { DemoConsortium } from './types.ts';

// The written side of the demo alliances: visions, needs, reasons and the
// documents a real alliance files (seed 000 §7–8, seed 003 mechanisms 1–7).
// Plain templates: they read like the originals without copying any.

/** 2019-03-05 → 2019年3月5日, as official documents date themselves. */
export function cnDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Quotes a name that may hold quotes itself: the inner pair becomes ‘’, as Chinese typesetting nests them. */
export function q(name: string): string {
  return `“${name.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

const pct = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2).replace(/\.?0+$/, '')}%`;

/** Everything a document needs to know about its alliance. */
export interface AllianceText {
  name: string;
  type: AllianceType;
  typeNote: string | null;
  model: AllianceModel;
  pairingForm: PairingForm;
  vision: string;
  commonNeeds: string;
  houseRules: readonly string[];
  consortium: DemoConsortium | null;
  countyName: string;
  leadName: string;
  leadSecretary: string;
  committeeName: string;
  committeeSecretary: string;
  /** Organization names of all members, the lead first. */
  memberNames: readonly string[];
  /** The product of an industry alliance (肉牛, 设施蔬菜 …). */
  product: string | null;
  /** Whether members share the work funds by a negotiated ratio. */
  ratios: boolean;
}

// ── Visions and needs ────────────────────────────────────────────────────────

const GOVERNANCE_NEEDS = [
  '老旧小区改造后的长效管理',
  '物业服务覆盖不到的“三无”小区',
  '“一老一小”照护服务',
  '停车难和环境卫生整治',
  '矛盾纠纷就地化解',
  '困难群众帮扶和就业服务',
  '社区活动阵地不足',
  '网格力量不足、信息采集重复',
  '流动党员和在职党员管理',
  '辖区安全隐患排查',
  '青少年课后托管',
  '商户经营秩序和消费维权',
];

const INDUSTRY_NEEDS = [
  '土地流转和规模化经营',
  '良种引进和技术指导',
  '贷款难、融资贵',
  '冷链仓储和销售渠道',
  '区域品牌培育',
  '疫病防控和政策性保险',
  '农机作业和托管服务',
  '脱贫户稳定增收',
  '村集体经济收入偏低',
  '标准化生产和质量追溯',
];

const PLUS_NEEDS: Readonly<Record<string, readonly string[]>> = {
  志愿服务: ['志愿服务力量分散、缺少统一调度', '在职党员到社区报到后“无岗可领”', '重点时段服务力量不足'],
  红色物业: ['物业服务质量不高、业主投诉多', '业委会组建难、运转难', '公共维修资金使用不透明'],
  养老服务: ['居家老人助餐助医', '空巢独居老人巡访', '适老化改造'],
  教育: ['课后服务和托管', '家校社协同育人', '校园周边安全和交通秩序'],
  医疗健康: ['慢病管理和家庭医生签约', '基层医疗人才不足', '健康宣教覆盖面窄'],
  乡村旅游: ['旅游线路和接待设施不足', '民宿和农家乐经营不规范', '特色农产品缺少销售窗口'],
  电商: ['农产品上行渠道少', '电商人才缺乏', '物流配送成本高'],
  生态保护: ['草原沙化和水土流失治理', '禁牧休牧落实', '人居环境整治'],
  营商环境: ['企业办事“多头跑”', '用工招工难', '政策兑现慢'],
  文明实践: ['移风易俗和文明新风', '理论宣讲进基层', '文化活动供给不足'],
  红色商街: ['商户党员分散、组织覆盖不全', '商圈消费维权和矛盾调处', '新就业群体服务'],
  放管服: ['涉税事项和审批手续办理', '企业与属地协调', '项目落地服务'],
};

function pickSome(rng: Rng, items: readonly string[], min: number, max: number): string[] {
  return rng.shuffle(items).slice(0, Math.min(items.length, rng.int(min, max)));
}

/** The “+” of 党建联合体+, e.g. 党建联合体+养老服务 → 养老服务. */
export function plusTopic(typeNote: string | null): string {
  return typeNote?.replace(/^党建联合体\+/, '') ?? '';
}

export function visionFor(rng: Rng, t: { type: AllianceType; typeNote: string | null; model: AllianceModel; leadShort: string; areaName: string; product: string | null; memberCount: number }): string {
  if (t.type === '党建引领产业发展共同体') {
    const product = t.product ?? '特色';
    return rng.pick([
      `把党组织建在${product}产业链上，以${t.leadShort}为龙头，带动${t.areaName}${t.memberCount}个成员单位抱团发展，实现企业增效、集体增收、农牧民致富。`,
      `以党建联合体引领${product}产业化联合体，打通良种、生产、加工、销售各环节，让更多农牧户分享产业增值收益。`,
      `围绕${product}主导产业，党组织联建、产业链共建、利益共享，建成${t.areaName}有带动力的${product}产业集群。`,
    ]);
  }
  if (t.type === '党建引领多元治理共同体') {
    const byModel: Partial<Record<AllianceModel, string>> = {
      中心社区以强带弱: `以${t.leadShort}为中心社区，带动周边老旧社区信息资源联享、群众需求联解、公共服务联供、困难群众联帮，实现强弱联动、整体提升。`,
      双报到结对互动: `“社区吹号、机关报到，支部吹哨、党员报到”，把机关单位的力量下沉到${t.leadShort}，让在职党员在家门口亮身份、领岗位、办实事。`,
      红色商街两个覆盖: `在${t.leadShort}及周边商圈扩大党的组织覆盖和工作覆盖，打造开放多元、互利共赢的一线服务平台。`,
      智慧党建线上互动: `依托“智慧党建”平台把部门服务事项和网格家庭信息接入一个平台，实行“呼叫式”“一键式”服务，让群众少跑腿。`,
    };
    return (
      byModel[t.model] ??
      rng.pick([
        `推动驻区单位与${t.leadShort}组织共建、资源共享、事务共商、难题共解，把辖区建成服务完善、治理有序、邻里和睦的幸福家园。`,
        `让辖区各类党组织在“同一屋檐下”结成“一家人”、拧成“一股绳”、同下“一盘棋”，共同提升${t.areaName}基层治理服务水平。`,
        `以党建为纽带整合辖区人财物资源，由“单打独斗”变为“抱团发力”，集中力量为群众办实事、解难事。`,
      ])
    );
  }
  const topic = plusTopic(t.typeNote);
  return `以党建联合体为平台，把${t.memberCount}个成员单位的力量集中到${topic}上来，形成党组织牵头、多方参与、长效运行的${topic}工作格局。`;
}

export function commonNeedsFor(rng: Rng, type: AllianceType, typeNote: string | null): string {
  const pool = type === '党建引领产业发展共同体' ? INDUSTRY_NEEDS : type === '党建引领多元治理共同体' ? GOVERNANCE_NEEDS : (PLUS_NEEDS[plusTopic(typeNote)] ?? GOVERNANCE_NEEDS);
  const items = pickSome(rng, pool, 2, 4);
  return `各成员单位共同面对的问题：${items.join('、')}。`;
}

// ── Reasons ──────────────────────────────────────────────────────────────────

export const WITHDRAW_REASONS = [
  '成员单位构成需进一步协商，撤回完善后再报',
  '拟调整联合体名称和类型，申请撤回',
  '部分成员单位尚未完成内部审议程序，申请撤回',
];

export const REJECT_REASONS = [
  '成员单位与共同需求关联不紧密，联建事项不够具体，请进一步论证后再报',
  '共建协议草案未明确各方责任和经费分担方式，请补充完善',
  '与辖区已有党建联合体职能重叠，建议并入现有联合体',
];
/** Only for a lead flagged 软弱涣散 in the registry. */
export const WEAK_LEAD_REJECT_REASON = '牵头党组织软弱涣散问题尚未整改销号，暂缓组建';

export const INDUSTRY_REJECT_REASONS = [
  '产业化联合体参与农牧户不足区域农牧户总数的20%，不符合组建条件',
  '种养殖大户不足3户，产业化联合体构成不达标',
];

export const REVISE_REASONS = [
  '已按批复意见补充成员单位、完善共建协议，修改后重新申请',
  '已调整联合体构成，补充产业化联合体相关材料',
  '已与成员单位重新协商经费分担比例',
];

export const RECTIFY_REASONS = [
  '年度考核结果为“较差”，联席会议长期未召开',
  '“五个一”活动未按计划开展，项目清单认领率偏低',
  '成员单位参与度低，资源清单一年未更新',
  '群众评判满意度不足60%，群众反映问题长期未解决',
];

export const RESTORE_REASONS = [
  '整顿期间调整了协调层人员，恢复季度联席会议，整改事项全部销号',
  '补开联席会议，重新梳理三个清单，整改验收合格',
  '整改方案所列问题已逐项解决，经复核同意恢复运行',
];

export const DISSOLVE_REASONS = [
  '牵头社区因区划调整撤并，联合体随之撤销',
  '联建项目已整体移交，联合体阶段性任务完成',
  '规范整顿后仍无明显改善，经研究予以撤销',
  '多数成员单位已退出，不再具备运行条件',
  '与片区内其他联合体合并重组',
];

export const NEVER_FORMED_REASON = '批准后长期未召开成立大会、未完成组建，经研究予以撤销';

export const LEAVE_REASONS = ['单位机构改革撤并，不再参加联合体', '业务调整，经协商退出', '单位迁出辖区，申请退出', '党组织撤销重建，原成员资格终止'];

export const JOIN_REASONS = ['新迁入辖区的单位，主动申请加入', '与联合体产业链有直接联系，申请加入', '双报到结对单位，申请加入', '可提供场地和志愿服务力量，申请加入'];

export const JOIN_REJECT_NOTES = ['该单位已参加辖区另一个联合体，职能重叠，暂不同意', '申请单位党组织尚未完成换届，待换届后再议'];

export const LEAD_CHANGE_REASONS = ['原牵头党组织书记调整，拟由联建能力更强的成员单位牵头', '产业项目主体变更，拟调整牵头党组织'];

export const TYPE_CHANGE_REASONS = ['联建重点由单一服务转向产业发展，拟调整联合体类型', '联建内容发生变化，拟调整联合体类型'];
export const TYPE_WIDEN_REASONS = ['联合体工作内容已拓展，拟调整类型说明', '成员单位增加了新的联建事项，拟相应调整类型说明'];

/** How a 党建联合体+ theme broadens over the years; the name stays true to it. */
export const TOPIC_WIDENING: Readonly<Record<string, string>> = {
  志愿服务: '新时代文明实践志愿服务',
  红色物业: '红色物业和业委会建设',
  养老服务: '“一老一小”服务',
  文明实践: '新时代文明实践',
  教育: '家校社协同育人',
  医疗健康: '医养结合',
  乡村旅游: '文旅融合',
  电商: '电商直播带货',
  生态保护: '生态保护修复',
  营商环境: '优化营商环境',
  放管服: '“放管服”改革',
  红色商街: '红色商圈',
};

// ── Documents ────────────────────────────────────────────────────────────────

function consortiumLine(c: DemoConsortium): string {
  const share = c.householdsTotal ? Math.round((c.households / c.householdsTotal) * 1000) / 10 : 0;
  return `种养殖大户${c.largeGrowers}户，参与农牧户${c.households}户，占区域农牧户总数${c.householdsTotal}户的${share}%`;
}

function typeLabel(a: AllianceText): string {
  return a.type === '党建联合体+' && a.typeNote ? a.typeNote : a.type;
}

function memberList(a: AllianceText, max = 6): string {
  const others = a.memberNames.slice(1);
  const shown = others.slice(0, max).join('、');
  return others.length > max ? `${shown}等${others.length}个党组织` : shown;
}

export function applicationText(a: AllianceText, day: string): string {
  const lines = [
    `关于成立${a.name}的请示`,
    '',
    `${a.committeeName}：`,
    `　　为深入推进各领域基层党建融合发展，${a.leadName}在充分酝酿协商的基础上，拟联合${memberList(a)}，共同成立${q(a.name)}。现将有关情况报告如下：`,
    `　　一、基本情况。联合体类型为“${typeLabel(a)}”，采取“${a.model}”模式，以“${a.pairingForm}”方式联建，成员单位共${a.memberNames.length}个（含牵头党组织）。成员党组织原有隶属关系不变。`,
    `　　二、共同愿景。${a.vision}`,
    `　　三、共同需求。${a.commonNeeds}`,
    `　　四、组织设置。拟设决策层、协调层、执行层，由${a.leadName}书记${a.leadSecretary}任总负责人，各成员党组织书记任具体负责人，各成员单位各明确1名联络员。`,
  ];
  if (a.consortium) lines.push(`　　五、产业化联合体构成。${consortiumLine(a.consortium)}。`);
  lines.push('　　妥否，请批示。', '', a.leadName, cnDate(day));
  return lines.join('\n');
}

export function replyText(a: AllianceText, day: string, approved: boolean, reason?: string): string {
  const head = approved ? `关于同意组建${a.name}的批复` : `关于不同意组建${a.name}的批复`;
  const body = approved
    ? `　　经${a.committeeName}研究，同意成立${a.name}，成员单位${a.memberNames.length}个，由${a.leadName}牵头。请按照有关要求召开成立大会，通过联合体章程，与各成员单位签订共建协议，组建决策层、协调层、执行层议事机构，建立日常工作制度，制定年度工作计划，并于成立后30日内将组建情况报${a.committeeName}。本批复同时报${a.countyName}委组织部、市委组织部备案。`
    : `　　经${a.committeeName}研究，暂不同意成立。主要原因：${reason ?? '申报材料不完整'}。请对照有关要求修改完善后，按程序重新申请。`;
  return [head, '', `${a.leadName}：`, `　　你单位《关于成立${a.name}的请示》收悉。`, body, '　　此复。', '', a.committeeName, cnDate(day)].join('\n');
}

export function charterText(a: AllianceText, day: string): string {
  const rules = a.houseRules.length ? a.houseRules : ['联席会议', '清单管理'];
  const articles = [
    `第一条　为推动成员党组织组织共建、资源共享、活动共搞、工作共推，根据中共赤峰市委关于推进各领域基层党建融合发展的有关要求，制定本章程。`,
    `第二条　本联合体名称为${q(a.name)}，类型为“${typeLabel(a)}”，由${a.leadName}牵头，${a.memberNames.length}个成员党组织自愿组成，接受${a.committeeName}领导。成员党组织原有隶属关系不变。`,
    `第三条　共同愿景：${a.vision}`,
    `第四条　联合体设决策层、协调层、执行层。牵头党组织书记任总负责人，各成员党组织书记任具体负责人，各成员单位各明确1名党员任联络员。`,
    `第五条　联席会议每季度至少召开一次，研究需求清单、资源清单、项目清单，决定事项形成纪要并督办落实。`,
    `第六条　实行${rules.join('、')}等制度，具体办法由联席会议另行制定。`,
    `第七条　每年开展“五个一”活动：组织一次联合走访慰问、开展一次联合主题党日、解决一批实际问题、组织一次互学互评互访，共同建立一个学习小组。`,
    `第八条　经费实行上级拨、各方筹、党费补。${a.ratios ? '各方筹集部分由成员单位按共建协议约定的出资比例分担。' : '各方筹集部分由联席会议按项目协商分担。'}成员单位开放的资源，其他成员单位可无偿使用。`,
    `第九条　联合体接受${a.committeeName}年度考核，考核结果作为成员党组织评先评优的重要依据。成员单位加入、退出及联合体调整、撤销，由牵头党组织提出，报${a.committeeName}决定。`,
    `第十条　本章程经成立大会通过之日起施行。`,
  ];
  if (a.consortium) articles.splice(4, 0, `第四条之一　产业化联合体由龙头企业、农民合作社、社会化服务组织和种养殖大户、农牧户组成，${consortiumLine(a.consortium)}，建立订单收购、保底分红等利益联结机制。`);
  return [`${a.name}章程`, `（${cnDate(day)}成立大会通过）`, '', ...articles].join('\n');
}

export function agreementText(a: AllianceText, m: { name: string; secretary: string; liaison: string | null; bp: number; isLead: boolean }, day: string): string {
  const party = m.isLead ? `牵头单位：${m.name}` : `甲方（牵头单位）：${a.leadName}\n乙方（成员单位）：${m.name}`;
  const who = m.isLead ? '牵头单位' : '乙方';
  const lines = [
    `${a.name}共建协议`,
    '',
    party,
    `　　为共同推进${q(a.name)}建设，经协商一致，签订本协议。`,
    `　　一、${who}作为成员单位参加${a.name}，遵守联合体章程，原有党组织隶属关系不变。`,
    `　　二、${who}书记${m.secretary}担任${m.isLead ? '总负责人' : '具体负责人'}${m.liaison ? `，${m.liaison}担任联络员` : ''}，按时参加联席会议和联合活动。`,
    `　　三、${who}向联合体开放活动阵地和可共享资源，按项目清单认领任务，组织在职党员报到领岗。`,
    m.bp > 0 ? `　　四、联合体工作经费中各方筹集部分，${who}按${pct(m.bp)}的比例承担。` : `　　四、联合体工作经费由联席会议按项目协商分担。`,
    `　　五、本协议自签订之日起生效，至联合体撤销或${who}经批准退出时终止。`,
    '',
    `签署单位：${m.name}　　负责人：${m.secretary}`,
    cnDate(day),
  ];
  return lines.join('\n');
}

export function rulesText(a: AllianceText, day: string): string {
  const house: Record<string, string> = {
    共建准入: '共建准入：新成员加入须认同章程、开放资源、明确联络员，经联席会议同意后报上级党(工)委。',
    书记轮值: '书记轮值：成员党组织书记按季度轮值主持联席会议，轮值书记负责当季项目督办。',
    多网合一: '多网合一：党建网格与综治、城管、民政等网格合而为一，网格员一员多能、一岗多责。',
    清单管理: '清单管理：需求、资源、项目三个清单每季度更新一次，项目实行认领、督办、销号管理。',
    利益联结: '利益联结：龙头企业与合作社、农牧户签订订单，实行保底收购、二次返利。',
    联席会议: '联席会议：每季度至少召开一次，遇重大事项随时召开。',
    积分管理: '积分管理：成员单位党员参与联合体活动、认领项目按规定计入积分。',
    双向述职: '双向述职：成员党组织每年向联合体述职，联合体向成员单位通报工作。',
  };
  const items = [...new Set([...a.houseRules, '联席会议', '清单管理', '积分管理'])].map((r) => house[r] ?? `${r}：按联席会议决定执行。`);
  return [`${a.name}日常工作制度`, '', ...items.map((t, i) => `${i + 1}．${t}`), '', `${a.leadName}　${cnDate(day)}`].join('\n');
}

export function workPlanText(a: AllianceText, year: number): string {
  return [
    `${a.name}${year}年度工作计划`,
    '',
    `　　${year}年，联合体围绕“${a.vision.replace(/。$/, '')}”，重点做好以下工作：`,
    `　　一、组织共建。一季度召开联席会议，更新需求清单、资源清单和项目清单；各成员单位书记轮流讲一次党课。`,
    `　　二、活动共搞。3月联合开展学雷锋志愿服务，7月联合主题党日，9月互学互评互访，春节前联合走访慰问困难群众和老党员。`,
    `　　三、项目共推。${a.commonNeeds.replace(/^各成员单位共同面对的问题：/, '针对').replace(/。$/, '')}等问题，全年认领并完成项目不少于${a.memberNames.length + 2}个。`,
    `　　四、考核共评。12月开展年度自评，听取成员单位评价意见，报${a.committeeName}考核。`,
  ].join('\n');
}

export function minutesText(a: AllianceText, day: string, attendees: number): string {
  return [
    `${a.name}成立大会纪要`,
    '',
    `　　${cnDate(day)}，${a.name}成立大会在${a.leadName.replace(/(党委|党总支|党支部|联合党支部|党工委)$/, '')}党群服务中心召开。${a.committeeName}书记${a.committeeSecretary}出席，${a.memberNames.length}个成员党组织负责人和党员代表共${attendees}人参加。会议议定如下事项：`,
    `　　一、审议通过《${a.name}章程》。`,
    `　　二、牵头党组织与各成员单位签订共建协议。`,
    `　　三、确定决策层、协调层、执行层组成人员，${a.leadSecretary}任总负责人。`,
    `　　四、审议通过日常工作制度和年度工作计划。`,
    `　　五、${a.leadSecretary}讲授“融合党建”专题党课。`,
  ].join('\n');
}

export function decisionText(a: AllianceText, kind: 'rectify' | 'dissolve', reason: string, day: string): string {
  const title = kind === 'rectify' ? `关于对${a.name}进行规范整顿的决定` : `关于撤销${a.name}的决定`;
  const body =
    kind === 'rectify'
      ? `　　经考核和日常督查，${a.name}存在以下问题：${reason}。经研究，决定对该联合体进行规范整顿，整顿期限3至6个月。请${a.leadName}制定整改方案，逐项整改，整改完成后报${a.committeeName}验收。`
      : `　　${a.name}因${reason.replace(/。$/, '')}，经${a.committeeName}研究，决定予以撤销。请${a.leadName}做好资料归档和成员单位工作衔接。`;
  return [title, '', `${a.leadName}：`, body, `　　本决定报${a.countyName}委组织部、市委组织部备案。`, '', a.committeeName, cnDate(day)].join('\n');
}

// ── Routes and districts ─────────────────────────────────────────────────────

export function routeDescription(theme: string, stops: readonly string[], area: string): string {
  const shown = stops.slice(0, 4).join('、');
  const tail = stops.length > 4 ? `等${stops.length}个党建联合体` : '';
  const focus: Record<string, string> = {
    脱贫攻坚: '展示党组织带领群众脱贫摘帽、巩固成果的历程',
    乡村振兴: '展示产业兴旺、生态宜居、乡风文明的乡村振兴成果',
    产业发展: '展示党建联合体带动产业链延链补链、农牧民增收的做法',
    基层治理: '展示党建引领基层治理、驻区单位共建共治共享的实践',
  };
  return `沿${area}串联${shown}${tail}，${focus[theme] ?? ''}，可供党员群众现场观摩学习。`;
}

export function districtDescription(area: string, alliances: number, routes: number): string {
  return `以${area}为核心，统筹片区内${alliances}个党建联合体${routes ? `和${routes}条红色风景线` : ''}，实行片区党建联席会议、资源统筹使用、活动联合开展。`;
}
