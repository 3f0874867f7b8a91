import type { LocalityLevel, OrgDomain, ResourceKind } from '@ronghe/schema/enums';

// The Chinese vocabulary of the three lists (需求/资源/项目清单): what residents
// and member organizations ask for (群众点单), what members open (资源清单) and
// the projects (服务链/治理链/产业链, seed 003 mechanism 4) that join them.
// Placeholders: {place} the community or village (铁南社区, 建昌营村), {org}
// the offering unit's short name, {product} the alliance's farm product.

export type Chain = '产业链' | '治理链' | '服务链';

export interface NeedSpec {
  title: string;
  /** Defaults to the theme's category. */
  category?: string;
  qty: readonly [number, number];
  desc: string;
}

export interface ResourceSpec {
  title: string;
  kind: ResourceKind;
  category: string;
  /** Member domains that typically offer it, most typical first; any member when none fits. */
  domains: readonly OrgDomain[];
  /** Name words an offering unit may carry (农牧 for 农技专家). */
  words?: readonly string[];
  scope: readonly LocalityLevel[];
  desc: string;
}

export interface Theme {
  key: string;
  category: string;
  chain: Chain;
  /** One unit for the theme's needs and resources, so an allocation reads the same on both sides. */
  unit: string;
  needs: readonly NeedSpec[];
  resources: readonly ResourceSpec[];
  projects: readonly string[];
  milestones: readonly string[];
  /** Budget in 元; 0 for work done by volunteers alone. */
  budget: readonly [number, number];
  /** Planned duration in days. */
  days: readonly [number, number];
  outcome: string;
}

const URBAN_ORGS: readonly OrgDomain[] = ['机关', '国有企业', '学校', '事业单位'];

export const THEMES: readonly Theme[] = [
  {
    key: 'elderly_meal',
    category: 'cat_meal',
    chain: '服务链',
    unit: '人次',
    needs: [
      { title: '{place}独居老人助餐', qty: [30, 240], desc: '辖区独居老人做饭困难，希望每天中午能吃上热乎饭。' },
      { title: '{place}高龄老人送餐上门', qty: [20, 150], desc: '80 岁以上老人行动不便，需要送餐上门。' },
      { title: '{place}失能老人居家助餐', qty: [10, 90], desc: '失能半失能老人家中无人做饭，需要定时送餐并协助进食。' },
    ],
    resources: [
      { title: '{org}社区食堂助餐服务', kind: '服务', category: 'cat_meal', domains: ['社区', '物业', '非公有制企业', '社会组织'], scope: ['community', 'street'], desc: '食堂每天中午供应老年餐，可按人次结算。' },
      { title: '{org}党员志愿者送餐上门', kind: '人才', category: 'cat_meal', domains: URBAN_ORGS, scope: ['street', 'community'], desc: '在职党员利用午休时间轮班送餐。' },
      { title: '{org}老年活动室（助餐点）', kind: '阵地', category: 'cat_venue', domains: ['社区', '街道', '学校'], scope: ['community', 'grid'], desc: '活动室可改作助餐点，配有餐桌和加热设备。' },
    ],
    projects: ['{place}助老食堂', '{place}“长者饭桌”助餐服务', '{place}老年助餐点建设'],
    milestones: ['摸排独居高龄老人底数', '确定供餐点和配送路线', '签订助餐服务协议', '开展助餐配送', '回访满意度并总结'],
    budget: [8_000, 120_000],
    days: [60, 240],
    outcome: '累计助餐 {q} {unit}，惠及老人 {b} 人，老人及家属满意率 {pct}%。',
  },
  {
    key: 'elderly_visit',
    category: 'cat_elderly',
    chain: '服务链',
    unit: '户次',
    needs: [
      { title: '{place}空巢老人定期探访', qty: [20, 160], desc: '子女在外地工作的空巢老人较多，希望有人定期上门看看。' },
      { title: '{place}独居老人安全巡查', qty: [20, 120], desc: '冬季取暖期间需要入户检查燃气、电器安全。' },
      { title: '{place}困难老人精神慰藉', qty: [10, 80], desc: '部分老人长期独处，需要陪伴聊天和心理疏导。' },
    ],
    resources: [
      { title: '{org}党员志愿服务队入户探访', kind: '人才', category: 'cat_elderly', domains: ['机关', '国有企业', '学校', '社区'], scope: ['street', 'community'], desc: '机关党员组建志愿服务队，每周入户探访。' },
      { title: '{org}“银龄互助”志愿服务', kind: '服务', category: 'cat_elderly', domains: ['社会组织', '社区'], scope: ['community', 'grid'], desc: '低龄老人结对帮扶高龄老人。' },
    ],
    projects: ['{place}“敲门行动”关爱空巢老人', '{place}独居老人“一键呼”探访服务', '{place}邻里守望关爱老人'],
    milestones: ['建立空巢独居老人台账', '党员志愿者结对分组', '开展入户探访', '建立探访记录并回访'],
    budget: [0, 20_000],
    days: [45, 200],
    outcome: '累计入户探访 {q} {unit}，结对帮扶老人 {b} 人，发现并处置安全隐患 {k} 处。',
  },
  {
    key: 'aging_retrofit',
    category: 'cat_elderly',
    chain: '服务链',
    unit: '户',
    needs: [
      { title: '{place}高龄老人家庭适老化改造', qty: [4, 40], desc: '老人家中卫生间湿滑、没有扶手，需要适老化改造。' },
      { title: '{place}老旧楼道加装扶手', qty: [3, 30], desc: '楼道没有扶手，老人上下楼不安全。' },
    ],
    resources: [
      { title: '{org}维修服务队上门改造', kind: '服务', category: 'cat_elderly', domains: ['物业', '非公有制企业', '国有企业'], scope: ['street', 'county'], desc: '专业维修人员上门安装扶手、防滑地面等。' },
      { title: '{org}适老化改造补助', kind: '资金', category: 'cat_elderly', domains: ['机关', '社会组织'], words: ['民政', '慈善', '残疾人'], scope: ['county'], desc: '按户补助适老化改造材料费用。' },
    ],
    projects: ['{place}适老化改造', '{place}居家适老化“微改造”'],
    milestones: ['入户评估改造需求', '制定改造方案', '组织施工改造', '验收回访'],
    budget: [20_000, 200_000],
    days: [60, 180],
    outcome: '完成 {q} {unit}老人家庭适老化改造，惠及 {b} 人，未发生跌倒事故。',
  },
  {
    key: 'health_clinic',
    category: 'cat_health',
    chain: '服务链',
    unit: '人次',
    needs: [
      { title: '{place}老年人慢病健康随访', qty: [40, 300], desc: '高血压、糖尿病老人较多，需要定期测量和用药指导。' },
      { title: '{place}居民免费健康体检', qty: [60, 400], desc: '居民希望在家门口做基础体检。' },
      { title: '{place}流动义诊', qty: [30, 200], desc: '村（居）民看病要跑远路，希望专家下来坐诊。' },
    ],
    resources: [
      { title: '{org}义诊服务', kind: '服务', category: 'cat_health', domains: ['医院'], scope: ['street', 'county'], desc: '每月组织医护人员到社区（村）义诊。' },
      { title: '{org}专家下沉坐诊', kind: '人才', category: 'cat_health', domains: ['医院'], scope: ['county'], desc: '副主任医师以上专家每周下沉坐诊半天。' },
      { title: '{org}家庭医生签约服务', kind: '服务', category: 'cat_health', domains: ['医院', '社区'], scope: ['community', 'street'], desc: '家庭医生团队上门随访。' },
    ],
    projects: ['{place}“健康进万家”义诊', '{place}家庭医生签约服务', '{place}慢病管理健康服务'],
    milestones: ['摸排重点人群健康需求', '组建医护服务团队', '开展义诊和随访', '建立健康档案'],
    budget: [5_000, 60_000],
    days: [45, 240],
    outcome: '开展义诊随访 {q} {unit}，建立健康档案 {b} 份，转诊 {k} 人。',
  },
  {
    key: 'employment_jobs',
    category: 'cat_employment',
    chain: '服务链',
    unit: '人',
    needs: [
      { title: '{place}失业人员就业帮扶', qty: [5, 60], desc: '辖区有失业人员希望就近就业。' },
      { title: '{place}高校毕业生就业见习岗位', qty: [3, 30], desc: '未就业高校毕业生需要见习岗位积累经验。' },
      { title: '{place}脱贫劳动力务工就业', qty: [10, 80], desc: '脱贫户劳动力希望在本地稳定务工。' },
    ],
    resources: [
      { title: '{org}提供就业岗位', kind: '服务', category: 'cat_employment', domains: ['非公有制企业', '国有企业', '园区', '商圈市场', '商务楼宇'], scope: ['county', 'street'], desc: '企业拿出一线岗位优先招用辖区居民。' },
      { title: '{org}就业指导服务', kind: '服务', category: 'cat_employment', domains: ['机关'], words: ['人力资源', '就业', '总工会'], scope: ['county'], desc: '一对一职业指导和岗位推荐。' },
    ],
    projects: ['{place}“家门口”就业服务站', '{place}就业帮扶专项行动', '{place}稳岗就业服务链'],
    milestones: ['摸排就业需求', '收集企业岗位', '举办招聘对接会', '跟踪就业稳定情况'],
    budget: [0, 40_000],
    days: [60, 240],
    outcome: '帮助 {q} {unit}实现就业，其中脱贫人口和困难群体 {k} 人，稳岗 3 个月以上 {pct}%。',
  },
  {
    key: 'skills_training',
    category: 'cat_training',
    chain: '服务链',
    unit: '人次',
    needs: [
      { title: '{place}就业技能培训', category: 'cat_employment', qty: [20, 150], desc: '待业居民希望学一门手艺，提高就业能力。' },
      { title: '{place}家政服务技能培训', qty: [15, 80], desc: '妇女群众希望参加家政、养老护理培训。' },
      { title: '{place}电商直播技能培训', qty: [15, 100], desc: '青年群众想学电商直播带货。' },
    ],
    resources: [
      { title: '{org}职业技能培训', kind: '技术', category: 'cat_training', domains: ['机关', '学校', '社会组织'], words: ['人力资源', '职业', '妇女', '团'], scope: ['county'], desc: '提供师资和课程，培训合格发放证书。' },
      { title: '{org}多功能培训教室', kind: '阵地', category: 'cat_venue', domains: ['社区', '学校', '机关', '商务楼宇'], scope: ['street', 'community'], desc: '可容纳 40 人的培训教室，配有投影设备。' },
    ],
    projects: ['{place}就业技能培训班', '{place}“巧手”技能提升行动', '{place}电商人才培训'],
    milestones: ['报名摸底', '确定课程和师资', '集中授课', '实操考核并推荐就业'],
    budget: [5_000, 80_000],
    days: [30, 150],
    outcome: '培训 {q} {unit}，考核合格 {k} 人，推荐就业 {b} 人。',
  },
  {
    key: 'agri_tech',
    category: 'cat_industry',
    chain: '产业链',
    unit: '人次',
    needs: [
      { title: '{place}{product}种养技术指导', qty: [30, 200], desc: '农户{product}种养技术跟不上，产量和品质上不去。' },
      { title: '{place}{product}病虫害（疫病）防治培训', category: 'cat_training', qty: [20, 150], desc: '近年病害多发，农户需要防治培训。' },
    ],
    resources: [
      { title: '{org}农技专家田间指导', kind: '技术', category: 'cat_training', domains: ['机关', '学校', '事业单位', '非公有制企业'], words: ['农牧', '农业', '技术推广', '农学', '种子'], scope: ['county', 'street'], desc: '农技专家定期到田间地头、棚圈指导。' },
      { title: '{org}科技特派员服务', kind: '人才', category: 'cat_industry', domains: ['机关', '学校', '事业单位'], words: ['科学技术', '农牧', '农业'], scope: ['county'], desc: '科技特派员驻村服务一个生产周期。' },
    ],
    projects: ['{product}产业链技术服务', '{place}{product}科技示范基地', '{place}{product}标准化种养推广'],
    milestones: ['确定示范户和示范地块', '开展集中培训', '田间（棚圈）跟踪指导', '测产测效并推广'],
    budget: [10_000, 150_000],
    days: [90, 300],
    outcome: '开展技术指导 {q} {unit}，带动示范户 {b} 户，亩均（头均）增收约 {pct}%。',
  },
  {
    key: 'agri_sales',
    category: 'cat_industry',
    chain: '产业链',
    unit: '吨',
    needs: [
      { title: '{place}{product}销售渠道对接', qty: [20, 600], desc: '{product}集中上市，农户担心卖不上价。' },
      { title: '{place}滞销{product}产销对接', qty: [10, 200], desc: '部分{product}滞销，需要找收购商和销售渠道。' },
    ],
    resources: [
      { title: '{org}农产品订单收购', kind: '服务', category: 'cat_industry', domains: ['非公有制企业', '国有企业', '机关'], words: ['供销', '农业', '食品', '粮油'], scope: ['county'], desc: '按保护价签订单收购。' },
      { title: '{org}电商直播带货', kind: '服务', category: 'cat_industry', domains: ['非公有制企业', '互联网企业', '机关'], words: ['商务', '电子商务', '融媒体'], scope: ['county'], desc: '组织主播和平台资源助农直播。' },
      { title: '{org}机关食堂消费帮扶', kind: '服务', category: 'cat_industry', domains: ['机关', '学校', '医院'], scope: ['county'], desc: '单位食堂定向采购农产品。' },
    ],
    projects: ['{product}产销对接产业链', '{place}{product}“产销一条链”', '{place}{product}消费帮扶'],
    milestones: ['摸清产量和上市时间', '对接收购企业和平台', '签订购销协议', '组织采收和发运', '结算回款'],
    budget: [0, 60_000],
    days: [45, 180],
    outcome: '销售{product} {q} {unit}，带动 {b} 户增收，户均增收约 {k} 元。',
  },
  {
    key: 'agri_machinery',
    category: 'cat_industry',
    chain: '产业链',
    unit: '亩',
    needs: [
      { title: '{place}春耕机械化作业', qty: [200, 3000], desc: '村里青壮年外出务工，春耕缺劳力，需要代耕代种。' },
      { title: '{place}秋收代收代储', qty: [200, 2500], desc: '秋收集中，需要机收和晾晒仓储服务。' },
      { title: '{place}土地托管服务', qty: [300, 5000], desc: '老弱农户希望把土地托管给服务组织。' },
    ],
    resources: [
      { title: '{org}代耕代种服务', kind: '服务', category: 'cat_industry', domains: ['非公有制企业'], words: ['农机', '土地托管', '植保'], scope: ['street', 'county'], desc: '大中型农机具统一调度作业。' },
      { title: '{org}统防统治植保服务', kind: '技术', category: 'cat_industry', domains: ['非公有制企业', '机关'], words: ['植保', '农牧', '技术推广'], scope: ['street', 'county'], desc: '无人机统防统治，按亩收费或免费服务。' },
    ],
    projects: ['{place}土地托管产业链', '{place}农机社会化服务', '{place}“保姆式”托管服务'],
    milestones: ['签订托管服务协议', '调度农机具', '开展机械化作业', '作业验收和结算'],
    budget: [20_000, 300_000],
    days: [45, 200],
    outcome: '完成托管（作业）{q} {unit}，服务农户 {b} 户，亩均节本约 {k} 元。',
  },
  {
    key: 'agri_finance',
    category: 'cat_industry',
    chain: '产业链',
    unit: '元',
    needs: [
      { title: '{place}{product}产业扩大生产资金', qty: [100_000, 2_000_000], desc: '合作社扩大{product}规模缺少资金。' },
      { title: '{place}合作社流动资金周转', qty: [50_000, 800_000], desc: '收购季合作社流动资金紧张。' },
    ],
    resources: [
      { title: '{org}产业发展贷款', kind: '资金', category: 'cat_funds', domains: ['国有企业', '机关'], words: ['银行', '农业发展', '信用', '金融'], scope: ['county'], desc: '产业贷款，财政贴息。' },
      { title: '{org}产业帮扶资金', kind: '资金', category: 'cat_funds', domains: ['非公有制企业', '国有企业', '机关'], words: ['乡村振兴', '农牧'], scope: ['county'], desc: '龙头企业和帮扶单位出资支持产业。' },
    ],
    projects: ['{product}产业金融支持链', '{place}{product}基地扩建', '{place}{product}合作社提质增效'],
    milestones: ['项目论证和资金测算', '落实贷款和帮扶资金', '基地建设', '投产见效'],
    budget: [50_000, 1_500_000],
    days: [90, 365],
    outcome: '落实资金 {q} {unit}，新增（改造）基地 {k} 亩，带动 {b} 户增收。',
  },
  {
    key: 'seedlings',
    category: 'cat_industry',
    chain: '产业链',
    unit: '户',
    needs: [{ title: '{place}{product}良种推广到户', qty: [20, 200], desc: '农户希望用上优质良种（种畜），提高效益。' }],
    resources: [
      { title: '{org}优质良种（种畜）供应', kind: '物资', category: 'cat_industry', domains: ['非公有制企业', '事业单位', '机关'], words: ['种子', '种业', '农牧', '牧业'], scope: ['county'], desc: '以优惠价格供应良种，负责技术跟踪。' },
    ],
    projects: ['{place}{product}良种推广', '{product}良种繁育产业链'],
    milestones: ['确定推广户', '良种调运发放', '跟踪技术服务', '效益评估'],
    budget: [20_000, 250_000],
    days: [60, 240],
    outcome: '良种推广到 {q} {unit}，覆盖 {k} 亩（头），户均增收约 {pct}%。',
  },
  {
    key: 'rural_tourism',
    category: 'cat_industry',
    chain: '产业链',
    unit: '人次',
    needs: [
      { title: '{place}乡村民宿经营培训', category: 'cat_training', qty: [15, 80], desc: '村民开办民宿缺经验，希望有人指导经营和服务。' },
      { title: '{place}农家乐服务技能提升', category: 'cat_training', qty: [15, 60], desc: '农家乐从业人员需要餐饮服务和卫生培训。' },
    ],
    resources: [
      { title: '{org}文旅专家指导', kind: '技术', category: 'cat_training', domains: ['机关', '学校'], words: ['文化旅游', '旅游'], scope: ['county'], desc: '文旅部门专家上门指导。' },
      { title: '{org}乡村旅游线路推介', kind: '服务', category: 'cat_industry', domains: ['机关', '非公有制企业'], words: ['文化旅游', '融媒体'], scope: ['county'], desc: '把村里景点纳入全旗县区旅游线路推介。' },
    ],
    projects: ['{place}乡村旅游产业链', '{place}民宿集群培育'],
    milestones: ['规划旅游线路', '经营户培训', '宣传推介', '旅游旺季运营总结'],
    budget: [10_000, 200_000],
    days: [90, 300],
    outcome: '培训经营户 {q} {unit}，接待游客 {k} 人次，带动 {b} 户增收。',
  },
  {
    key: 'scholarship',
    category: 'cat_education',
    chain: '服务链',
    unit: '元',
    needs: [
      { title: '{place}困难家庭学生助学', qty: [3_000, 40_000], desc: '低保、脱贫家庭学生上学有困难。' },
      { title: '{place}大学新生入学资助', qty: [5_000, 50_000], desc: '困难家庭考上大学的新生凑不齐学费。' },
    ],
    resources: [
      { title: '{org}捐赠助学金', kind: '资金', category: 'cat_funds', domains: ['非公有制企业', '国有企业', '社会组织', '机关'], scope: ['county'], desc: '企业和党员自愿捐赠，专款专用。' },
      { title: '{org}“金秋助学”基金', kind: '资金', category: 'cat_education', domains: ['机关', '社会组织'], words: ['总工会', '团', '慈善', '妇女', '教育'], scope: ['county'], desc: '每年秋季开学前集中发放。' },
    ],
    projects: ['{place}“金秋助学”', '{place}困难学生“一对一”助学', '{place}圆梦大学行动'],
    milestones: ['摸排困难学生', '审核公示', '发放助学金', '跟踪回访'],
    budget: [5_000, 100_000],
    days: [30, 120],
    outcome: '发放助学金 {q} {unit}，资助学生 {b} 名。',
  },
  {
    key: 'after_school',
    category: 'cat_education',
    chain: '服务链',
    unit: '人',
    needs: [
      { title: '{place}双职工家庭子女课后托管', qty: [10, 60], desc: '放学后家长还没下班，孩子没人看管。' },
      { title: '{place}留守儿童课业辅导', qty: [8, 50], desc: '留守儿童作业没人辅导。' },
    ],
    resources: [
      { title: '{org}教师志愿辅导', kind: '人才', category: 'cat_education', domains: ['学校'], scope: ['street', 'county'], desc: '在职和退休教师志愿辅导作业。' },
      { title: '{org}“四点半课堂”活动室', kind: '阵地', category: 'cat_education', domains: ['社区', '机关', '商务楼宇', '学校'], scope: ['community', 'street'], desc: '放学后开放的学习活动室。' },
    ],
    projects: ['{place}“四点半课堂”', '{place}留守儿童关爱驿站'],
    milestones: ['报名和安全评估', '招募辅导志愿者', '开班托管', '家长满意度测评'],
    budget: [3_000, 50_000],
    days: [60, 200],
    outcome: '托管辅导学生 {q} {unit}，累计服务 {k} 课时，家长满意率 {pct}%。',
  },
  {
    key: 'environment',
    category: 'cat_environment',
    chain: '治理链',
    unit: '次',
    needs: [
      { title: '{place}背街小巷环境整治', qty: [4, 40], desc: '背街小巷卫生死角多，居民反映强烈。' },
      { title: '{place}楼道堆积物清理', qty: [5, 50], desc: '楼道堆放杂物，存在消防隐患。' },
      { title: '{place}垃圾分类宣传引导', qty: [4, 30], desc: '居民垃圾分类意识不强，需要入户宣传。' },
    ],
    resources: [
      { title: '{org}党员志愿者环境整治', kind: '人才', category: 'cat_environment', domains: ['机关', '国有企业', '学校', '社区'], scope: ['street', 'community'], desc: '党员志愿者每月参加一次环境整治。' },
      { title: '{org}保洁清运服务', kind: '服务', category: 'cat_property', domains: ['物业', '国有企业'], scope: ['community', 'street'], desc: '提供清运车辆和保洁人员。' },
    ],
    projects: ['{place}人居环境整治', '{place}“美丽庭院”创建', '{place}垃圾分类示范'],
    milestones: ['排查卫生死角', '集中清理整治', '建立长效保洁机制', '评比和回头看'],
    budget: [0, 80_000],
    days: [30, 150],
    outcome: '开展整治 {q} {unit}，清理垃圾杂物 {k} 吨，受益群众 {b} 人。',
  },
  {
    key: 'elevator',
    category: 'cat_property',
    chain: '治理链',
    unit: '部',
    needs: [{ title: '{place}老旧小区加装电梯协调', qty: [1, 6], desc: '老旧小区住户老人多，上下楼困难，加装电梯意见不一需要协调。' }],
    resources: [
      { title: '{org}加装电梯技术服务', kind: '服务', category: 'cat_property', domains: ['国有企业', '非公有制企业', '机关'], words: ['住房', '城市建设', '电梯'], scope: ['county'], desc: '提供方案设计、报批指导和施工。' },
    ],
    projects: ['{place}老旧小区加装电梯', '{place}加装电梯“一楼一策”协商'],
    milestones: ['入户征求意见', '召开楼栋协商会', '方案设计和报批', '施工安装', '验收投用'],
    budget: [200_000, 1_200_000],
    days: [150, 365],
    outcome: '协调加装电梯 {q} {unit}，受益住户 {b} 户。',
  },
  {
    key: 'property_takeover',
    category: 'cat_property',
    chain: '治理链',
    unit: '个小区',
    needs: [{ title: '{place}无物业小区托管', qty: [1, 5], desc: '弃管小区没有物业，环境差、管理乱。' }],
    resources: [
      { title: '{org}“红色物业”托管服务', kind: '服务', category: 'cat_property', domains: ['物业', '国有企业'], scope: ['street', 'county'], desc: '国企物业兜底托管，收费从低。' },
    ],
    projects: ['{place}无物业小区“红色物业”托管', '{place}弃管小区兜底服务'],
    milestones: ['摸排无物业小区', '召开居民议事会', '签订托管协议', '进驻服务'],
    budget: [30_000, 300_000],
    days: [90, 270],
    outcome: '托管小区 {q} {unit}，覆盖住户 {b} 户，物业费收缴率 {pct}%。',
  },
  {
    key: 'property_repair',
    category: 'cat_property',
    chain: '治理链',
    unit: '处',
    needs: [
      { title: '{place}老旧小区路灯维修', qty: [5, 40], desc: '小区路灯损坏多，夜间出行不便。' },
      { title: '{place}小区下水管道疏通', qty: [3, 30], desc: '下水管道经常堵塞返味。' },
      { title: '{place}楼顶防水维修', qty: [2, 20], desc: '顶楼住户反映雨季漏水。' },
    ],
    resources: [
      { title: '{org}维修服务队', kind: '服务', category: 'cat_property', domains: ['物业', '国有企业', '非公有制企业'], scope: ['community', 'street'], desc: '水电维修人员随叫随到。' },
      { title: '{org}党员技术骨干志愿维修', kind: '人才', category: 'cat_property', domains: ['国有企业', '机关'], words: ['供电', '水务', '住房', '城市建设'], scope: ['street', 'county'], desc: '技术骨干党员利用周末志愿维修。' },
    ],
    projects: ['{place}老旧小区“微改造”', '{place}“小修小补”便民服务'],
    milestones: ['收集维修需求', '现场查勘', '组织维修', '回访验收'],
    budget: [5_000, 150_000],
    days: [30, 150],
    outcome: '完成维修 {q} {unit}，受益住户 {b} 户。',
  },
  {
    key: 'legal',
    category: 'cat_legal',
    chain: '治理链',
    unit: '次',
    needs: [
      { title: '{place}居民法律咨询', qty: [10, 80], desc: '居民在婚姻、继承、租房等方面有法律问题需要咨询。' },
      { title: '{place}邻里纠纷调解', qty: [5, 40], desc: '邻里噪音、漏水、占道等纠纷需要调解。' },
      { title: '{place}农民工讨薪法律援助', qty: [3, 25], desc: '务工人员被拖欠工资，需要法律援助。' },
    ],
    resources: [
      { title: '{org}公益法律咨询', kind: '人才', category: 'cat_legal', domains: ['社会组织', '机关', '非公有制企业'], words: ['司法', '律师', '法律'], scope: ['county', 'street'], desc: '律师每月定点坐班提供免费咨询。' },
      { title: '{org}人民调解服务', kind: '服务', category: 'cat_legal', domains: ['机关', '社区', '街道'], words: ['司法', '信访', '公安'], scope: ['street', 'community'], desc: '人民调解员上门调解。' },
    ],
    projects: ['{place}“法律明白人”服务', '{place}矛盾纠纷多元化解', '{place}公共法律服务进网格'],
    milestones: ['排查矛盾纠纷', '律师和调解员入驻', '集中咨询和调解', '回访和案例整理'],
    budget: [0, 30_000],
    days: [30, 200],
    outcome: '提供咨询和调解 {q} {unit}，化解纠纷 {k} 起，服务群众 {b} 人。',
  },
  {
    key: 'enterprise_service',
    category: 'cat_legal',
    chain: '治理链',
    unit: '次',
    needs: [
      { title: '{place}企业法律风险体检', qty: [5, 40], desc: '中小企业合同、用工方面法律风险较多。' },
      { title: '{place}惠企政策咨询', qty: [10, 60], desc: '企业对减税降费、稳岗补贴等政策不了解。' },
    ],
    resources: [
      { title: '{org}涉企法律服务', kind: '服务', category: 'cat_legal', domains: ['机关', '社会组织'], words: ['司法', '律师', '工商业联合会'], scope: ['county'], desc: '律师团队为企业做法律体检。' },
      { title: '{org}惠企政策宣讲', kind: '人才', category: 'cat_legal', domains: ['机关'], words: ['税务', '发展和改革', '工业和信息化', '人力资源', '市场监督'], scope: ['county'], desc: '政策专员上门宣讲、一对一辅导申报。' },
    ],
    projects: ['{place}营商环境“服务链”', '{place}惠企政策“直通车”'],
    milestones: ['走访企业收集诉求', '制定服务清单', '上门服务', '诉求办结回访'],
    budget: [0, 30_000],
    days: [30, 180],
    outcome: '服务企业 {q} {unit}，解决诉求 {k} 件，惠及企业 {b} 家。',
  },
  {
    key: 'culture',
    category: 'cat_culture',
    chain: '服务链',
    unit: '场',
    needs: [
      { title: '{place}文艺汇演', qty: [2, 12], desc: '居民文艺队希望有演出机会和专业指导。' },
      { title: '{place}红色教育宣讲', qty: [3, 20], desc: '党员群众希望听到身边的红色故事。' },
      { title: '{place}少儿暑期文化活动', qty: [3, 16], desc: '暑假孩子多，希望开展书法、绘画等活动。' },
    ],
    resources: [
      { title: '{org}文艺辅导', kind: '人才', category: 'cat_culture', domains: ['机关', '学校', '社会组织'], words: ['文化旅游', '文化', '宣传', '融媒体'], scope: ['county'], desc: '专业老师辅导排练。' },
      { title: '{org}多功能厅', kind: '阵地', category: 'cat_venue', domains: ['社区', '机关', '学校', '商务楼宇', '街道'], scope: ['street', 'community'], desc: '可容纳 120 人，有音响和舞台。' },
    ],
    projects: ['{place}新时代文明实践活动', '{place}“邻里节”', '{place}红色文化宣讲'],
    milestones: ['征集活动需求', '制定活动方案', '组织开展活动', '活动总结宣传'],
    budget: [2_000, 40_000],
    days: [20, 120],
    outcome: '举办活动 {q} {unit}，参与群众 {b} 人次。',
  },
  {
    key: 'venue',
    category: 'cat_venue',
    chain: '治理链',
    unit: '场次',
    needs: [
      { title: '{place}居民议事协商场地', qty: [4, 24], desc: '居民议事会没有固定的议事场所。' },
      { title: '{place}党员活动阵地', qty: [6, 36], desc: '流动党员、离退休党员缺少活动场地。' },
    ],
    resources: [
      { title: '{org}会议室', kind: '阵地', category: 'cat_venue', domains: ['机关', '国有企业', '学校', '商务楼宇', '社区'], scope: ['street', 'community'], desc: '工作日晚上和周末免费开放。' },
      { title: '{org}党群服务中心活动室', kind: '阵地', category: 'cat_venue', domains: ['社区', '街道', '园区'], scope: ['community', 'street'], desc: '党群服务中心活动室错时开放。' },
    ],
    projects: ['{place}议事协商阵地共享', '{place}党建阵地“共享共用”'],
    milestones: ['梳理可共享阵地', '制定预约使用制度', '开放使用', '使用情况评估'],
    budget: [0, 20_000],
    days: [30, 180],
    outcome: '共享阵地开放 {q} {unit}，服务党员群众 {b} 人次。',
  },
  {
    key: 'warm_winter',
    category: 'cat_other',
    chain: '服务链',
    unit: '户',
    needs: [
      { title: '{place}困难群众冬季取暖', qty: [10, 80], desc: '低保户、特困户冬季取暖有困难。' },
      { title: '{place}特殊困难家庭节日慰问', qty: [10, 60], desc: '春节前走访慰问特殊困难家庭。' },
    ],
    resources: [
      { title: '{org}爱心物资捐赠', kind: '物资', category: 'cat_other', domains: ['非公有制企业', '国有企业', '机关', '商圈市场'], scope: ['county', 'street'], desc: '米面油、棉被、取暖煤等爱心物资。' },
    ],
    projects: ['{place}“暖冬行动”', '{place}节日走访慰问'],
    milestones: ['核实困难家庭名单', '筹集物资', '入户发放', '公示'],
    budget: [5_000, 80_000],
    days: [20, 90],
    outcome: '慰问困难家庭 {q} {unit}，发放物资折合 {k} 元。',
  },
  {
    key: 'micro_wish',
    category: 'cat_funds',
    chain: '服务链',
    unit: '元',
    needs: [{ title: '{place}困难群众“微心愿”', qty: [500, 6_000], desc: '困难群众的小心愿：一台轮椅、一套学习用品、一次体检。' }],
    resources: [
      { title: '{org}党员认领“微心愿”资金', kind: '资金', category: 'cat_funds', domains: ['机关', '国有企业', '学校', '医院'], scope: ['county'], desc: '党员自愿认领，资金专款专用。' },
    ],
    projects: ['{place}“微心愿”圆梦行动', '{place}“点亮微心愿”'],
    milestones: ['征集微心愿', '发布认领', '采购和送达', '公示反馈'],
    budget: [1_000, 20_000],
    days: [20, 90],
    outcome: '实现微心愿 {k} 个，使用资金 {q} {unit}，惠及 {b} 人。',
  },
];

export const THEME_BY_KEY: ReadonlyMap<string, Theme> = new Map(THEMES.map((t) => [t.key, t]));

/** Theme weights by alliance kind: industry, governance, and each 党建联合体+ topic. */
export const THEME_MIX: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  industry: [
    ['agri_tech', 3], ['agri_sales', 3], ['agri_machinery', 2], ['agri_finance', 2], ['seedlings', 2], ['employment_jobs', 1],
    ['skills_training', 1], ['health_clinic', 1], ['elderly_visit', 1], ['environment', 1], ['warm_winter', 0.5], ['scholarship', 0.5],
  ],
  governance: [
    ['elderly_meal', 3], ['elderly_visit', 2], ['aging_retrofit', 1], ['health_clinic', 2], ['employment_jobs', 1], ['skills_training', 1],
    ['scholarship', 1], ['after_school', 1.5], ['environment', 2], ['elevator', 1.5], ['property_takeover', 1], ['property_repair', 2],
    ['legal', 2], ['culture', 2], ['venue', 1], ['warm_winter', 1], ['micro_wish', 1],
  ],
  养老服务: [['elderly_meal', 3], ['elderly_visit', 3], ['aging_retrofit', 2], ['health_clinic', 2]],
  教育: [['scholarship', 3], ['after_school', 3], ['culture', 1], ['skills_training', 1]],
  医疗健康: [['health_clinic', 4], ['elderly_visit', 1]],
  乡村旅游: [['rural_tourism', 3], ['agri_sales', 2], ['culture', 1], ['environment', 1]],
  电商: [['agri_sales', 4], ['skills_training', 2], ['employment_jobs', 1]],
  生态保护: [['environment', 4], ['agri_tech', 1], ['seedlings', 1]],
  营商环境: [['enterprise_service', 3], ['employment_jobs', 2], ['legal', 1], ['agri_finance', 1]],
  志愿服务: [['elderly_visit', 2], ['environment', 2], ['culture', 1], ['micro_wish', 2], ['warm_winter', 1], ['legal', 1]],
  红色物业: [['property_takeover', 2], ['property_repair', 3], ['elevator', 2], ['environment', 2]],
  文明实践: [['culture', 3], ['legal', 2], ['venue', 1], ['micro_wish', 1]],
  放管服: [['enterprise_service', 3], ['employment_jobs', 1], ['agri_finance', 1]],
};

export const NEED_SOURCE_WEIGHTS = [
  ['群众点单', 45],
  ['成员单位', 25],
  ['问题清单', 20],
  ['第三方应用', 10],
] as const;

/** Third-party channels that file residents' needs through the public API. */
export const THIRD_PARTY_APPS = ['“赤峰党建”微信小程序', '“我为群众办实事”小程序', '“草原云”政务服务平台'];

export const ACCEPTANCE_NOTES = [
  '经联合体组织验收，项目按计划完成，群众满意度测评为满意，同意验收。',
  '现场查看和入户回访，服务对象反映良好，资料齐全，同意验收。',
  '项目目标全部实现，经费使用规范，台账完整，验收通过。',
  '完成情况与项目计划一致，受益群众评价较好，同意验收并纳入年度考核。',
];

export const RETURN_REASONS = ['佐证材料不全，请补充服务台账和照片后重新报送。', '部分服务对象反映未覆盖到，请补齐后再报完成。', '经费支出凭证不完整，请整改。'];

export const CANCEL_REASONS = ['需求方已另行解决，项目不再实施。', '政策调整，项目合并至旗县区统一实施。', '资金未落实，经联席会议研究暂缓实施。', '认领单位工作调整，经协商终止项目。'];
export const DISSOLVED_CANCEL_REASON = '联合体撤销，项目终止，未完成事项移交社区（村）办理。';

/** The overdue review's answer for a need nobody could take up before its deadline. */
export const OVERDUE_CLOSE_REASON = '已过截止日期仍未能对接，经联合体复核关闭。';
export const NEED_CLOSE_REASONS = ['需求已由街道（乡镇）统一解决。', '居民已搬迁，需求不再存在。', '剩余部分已通过其他渠道解决。', '经核实不属于联合体服务范围，已转交相关部门。'];
export const NEED_CANCEL_REASONS = ['提出人撤回。', '重复登记，已合并到同类需求。', '经回访，群众表示暂不需要。'];
export const DISSOLVED_NEED_REASON = '联合体撤销，需求转交社区（村）党组织办理。';

export const DECLINE_NOTES = [
  '该单位已承担同类项目，请集中力量完成在办项目。',
  '承担内容与项目需要不符，建议以协助方式参与。',
  '已有单位认领并确认，暂不增加认领单位。',
];

export const CLAIM_NOTES = [
  '牵头实施，统筹人员安排和进度。',
  '选派党员志愿者参与服务。',
  '提供场地和后勤保障。',
  '提供部分资金支持。',
  '负责技术指导和培训。',
  '负责宣传动员和组织群众。',
];

export const SUPERVISE_NOTES = [
  '请加快推进进度，确保按期完成。',
  '节点进度滞后，请说明原因并提出整改措施。',
  '请于本周内报送项目进展情况和佐证材料。',
  '请注意经费使用规范，建立支出台账。',
  '群众对此事反映较多，请优先办理。',
];
export const REPLY_NOTES = [
  '已召开推进会，增加人员力量，预计下周完成当前节点。',
  '收到，已补充志愿者，进度正在追赶。',
  '进展材料已报送，经费台账已建立。',
  '已与服务对象逐户沟通，按调整后的计划推进。',
];

export const REJECTION_REASONS = ['服务时间与需求不匹配。', '距离较远，服务对象行动不便。', '资源规格与需求不符。', '提供单位近期任务饱和。'];

export const COMMUNITY_COURTS = ['幸福小区', '阳光小区', '和平小区', '安居小区', '锦绣家园', '富康小区', '建设小区', '向阳小区', '铁南小区', '康宁小区'];

/** Approximate seat of each county government (WGS84), for demo coordinates. */
export const COUNTY_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  hongshan: [42.269, 118.957],
  yuanbaoshan: [42.039, 119.289],
  songshan: [42.286, 118.933],
  alukeerqin: [43.878, 120.063],
  balinzuo: [43.971, 119.38],
  balinyou: [43.534, 118.664],
  linxi: [43.611, 118.055],
  keshiketeng: [43.264, 117.545],
  wengniute: [42.936, 119.006],
  kalaqin: [41.928, 118.701],
  ningcheng: [41.597, 119.339],
  aohan: [42.291, 119.922],
};
