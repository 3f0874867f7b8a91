import type { Rng } from './prng.ts';

// Word pools for plausible, clearly fictional people and units. Place names
// come from the real divisions; people and companies are invented.

/** Common surnames, weighted roughly by frequency in northern China. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10], ['李', 10], ['张', 10], ['刘', 8], ['陈', 5], ['杨', 5], ['赵', 5], ['孙', 4], ['于', 3], ['高', 3],
  ['马', 3], ['郭', 3], ['周', 3], ['吴', 2], ['徐', 2], ['朱', 2], ['胡', 2], ['林', 2], ['何', 2], ['罗', 2],
  ['宋', 2], ['郑', 2], ['韩', 2], ['冯', 2], ['董', 2], ['曹', 2], ['袁', 1], ['邓', 1], ['许', 1], ['傅', 1],
  ['沈', 1], ['曾', 1], ['彭', 1], ['吕', 1], ['苏', 1], ['蒋', 1], ['蔡', 1], ['贾', 1], ['丁', 1], ['魏', 1],
  ['薛', 1], ['叶', 1], ['阎', 1], ['潘', 1], ['杜', 1], ['戴', 1], ['夏', 1], ['钟', 1], ['汪', 1], ['田', 1],
  ['任', 1], ['姜', 1], ['范', 1], ['方', 1], ['石', 1], ['姚', 1], ['谭', 1], ['廖', 1], ['邹', 1], ['白', 2],
  ['包', 2], ['鲍', 1], ['那', 1], ['关', 1], ['金', 1], ['佟', 1], ['吉', 1], ['宝', 1], ['乌', 1], ['敖', 1],
];

const GIVEN_MALE = '伟强磊军勇杰涛斌超明辉刚健峰平志国华建东海鹏宇浩亮凯波林晨旭成俊飞鑫龙松振兴文德春生利民';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞燕红玲琳颖洁梅莉雪慧婷秀英兰凤萍倩晶欣月桂琴云蕾';

/** Mongolian given names as commonly written in Chinese characters, used alone. */
const MONGOLIAN = [
  '巴特尔', '额尔敦', '苏和', '乌云', '其其格', '娜仁', '图门', '宝音', '阿拉坦仓', '呼和', '朝鲁', '萨仁',
  '格日勒', '斯琴', '那顺', '孟和', '巴图', '乌兰', '哈斯', '德力格尔', '阿木古楞', '包力高', '特木尔', '满都拉',
  '乌力吉', '那日苏', '图雅', '苏日娜', '白音', '敖其尔', '额尔德木图', '高娃', '塔娜', '萨日娜',
];

export function personName(rng: Rng, mongolianShare: number): string {
  if (rng.chance(mongolianShare)) return rng.pick(MONGOLIAN);
  const surname = rng.weighted(SURNAMES);
  const pool = rng.chance(0.45) ? GIVEN_FEMALE : GIVEN_MALE;
  const a = pool[rng.int(0, pool.length - 1)]!;
  if (rng.chance(0.3)) return surname + a;
  return surname + a + pool[rng.int(0, pool.length - 1)]!;
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189',
  '191', '198', '199',
];

export function mobile(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return rng.pick(MOBILE_PREFIXES) + rest;
}

/**
 * County-level organs (旗县区直属机关). `{c}` is the county's full name
 * (红山区/宁城县/敖汉旗), `{x}` its last character (区/县/旗), since people
 * write 区委办公室, 县委办公室 and 旗委办公室.
 */
export const COUNTY_ORGANS: readonly string[] = [
  '{c}委办公室', '{c}人大常委会办公室', '{c}人民政府办公室', '{c}政协办公室', '{c}纪委监委机关', '{c}委组织部',
  '{c}委宣传部', '{c}委统战部', '{c}委政法委员会', '{c}委机构编制委员会办公室', '{c}委巡察工作领导小组办公室',
  '{c}委党校', '{c}发展和改革委员会', '{c}教育局', '{c}科学技术局', '{c}工业和信息化局', '{c}民族事务委员会',
  '{c}公安局', '{c}民政局', '{c}司法局', '{c}财政局', '{c}人力资源和社会保障局', '{c}自然资源局',
  '{c}住房和城乡建设局', '{c}交通运输局', '{c}水利局', '{c}农牧局', '{c}商务局', '{c}文化旅游体育局',
  '{c}卫生健康委员会', '{c}退役军人事务局', '{c}应急管理局', '{c}审计局', '{c}市场监督管理局', '{c}统计局',
  '{c}医疗保障局', '{c}林业和草原局', '{c}信访局', '{c}城市管理综合执法局', '{c}乡村振兴局', '{c}政务服务局',
  '{c}机关事务服务中心', '{c}能源局', '{c}人民法院', '{c}人民检察院', '{c}总工会', '共青团{c}委员会',
  '{c}妇女联合会', '{c}科学技术协会', '{c}残疾人联合会', '{c}工商业联合会', '{c}红十字会', '{c}档案馆',
  '{c}融媒体中心', '{c}供销合作社联合社', '{c}税务局', '{c}气象局', '{c}生态环境分局', '{c}消防救援大队',
  '{c}疾病预防控制中心', '{c}公共资源交易中心', '{c}社会保险事业服务中心', '{c}不动产登记中心', '{c}农牧业技术推广中心',
];

export const CITY_ORGANS: readonly string[] = [
  '中共赤峰市委办公室', '赤峰市人大常委会办公室', '赤峰市人民政府办公室', '政协赤峰市委员会办公室', '中共赤峰市纪委监委机关',
  '中共赤峰市委组织部', '中共赤峰市委宣传部', '中共赤峰市委统战部', '中共赤峰市委政法委员会', '中共赤峰市委党校',
  '中共赤峰市委政策研究室', '中共赤峰市委机构编制委员会办公室', '赤峰市发展和改革委员会', '赤峰市教育局', '赤峰市科学技术局',
  '赤峰市工业和信息化局', '赤峰市民族事务委员会', '赤峰市公安局', '赤峰市民政局', '赤峰市司法局', '赤峰市财政局',
  '赤峰市人力资源和社会保障局', '赤峰市自然资源局', '赤峰市生态环境局', '赤峰市住房和城乡建设局', '赤峰市交通运输局',
  '赤峰市水利局', '赤峰市农牧局', '赤峰市商务局', '赤峰市文化旅游体育局', '赤峰市卫生健康委员会', '赤峰市退役军人事务局',
  '赤峰市应急管理局', '赤峰市审计局', '赤峰市人民政府国有资产监督管理委员会', '赤峰市市场监督管理局', '赤峰市统计局',
  '赤峰市医疗保障局', '赤峰市林业和草原局', '赤峰市能源局', '赤峰市信访局', '赤峰市城市管理综合执法局', '赤峰市乡村振兴局',
  '赤峰市政务服务局', '赤峰市机关事务管理局', '赤峰市中级人民法院', '赤峰市人民检察院', '赤峰市总工会', '共青团赤峰市委员会',
  '赤峰市妇女联合会', '赤峰市科学技术协会', '赤峰市残疾人联合会', '赤峰市工商业联合会', '赤峰市红十字会', '赤峰市档案馆',
  '赤峰市融媒体中心', '赤峰市供销合作社联合社', '国家税务总局赤峰市税务局', '赤峰市气象局', '赤峰市消防救援支队',
  '赤峰市疾病预防控制中心', '赤峰市公共资源交易中心', '赤峰市住房公积金管理中心',
];

/** Sub-branches inside an organ with more than one party organization. */
export const ORGAN_BRANCHES: readonly string[] = [
  '机关第一党支部', '机关第二党支部', '机关第三党支部', '机关第四党支部', '离退休干部党支部', '综合业务党支部',
  '机关第五党支部', '机关第六党支部', '直属单位党支部', '执法大队党支部',
];

export const CHINESE_ORDINALS = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八',
  '十九', '二十',
];

export function ordinal(n: number): string {
  if (n >= 1 && n <= CHINESE_ORDINALS.length) return CHINESE_ORDINALS[n - 1]!;
  return String(n);
}

/** Shop-sign words for invented firm names. */
const FIRM_WORDS = [
  '兴旺', '鑫达', '恒信', '宏远', '金泰', '瑞丰', '永盛', '华盛', '昌盛', '伟业', '众诚', '博远', '天成', '嘉禾', '润泽',
  '丰源', '益民', '通达', '北辰', '草原', '红山', '塞北', '蒙东', '富邦', '金桥', '安泰', '德润', '盛世', '新源', '广厦',
];

const FIRM_TRADES = [
  '建材', '物流', '商贸', '农牧业发展', '乳业', '食品', '建筑工程', '电子商务', '新能源', '餐饮管理', '医药连锁', '汽车销售',
  '农业科技', '肉业', '粮油', '杂粮', '羊绒制品', '信息技术', '装饰工程', '文化传媒', '家政服务', '劳务派遣', '种业', '节能环保',
];

/** Trade words that do not repeat the place in front of them (红山 + 红山… would read 红山红山…). */
const firmWordsFor = (place: string): readonly string[] => FIRM_WORDS.filter((w) => !place.includes(w));

/**
 * `head` followed by `tail`, where a word ending `head` is not said twice when
 * `tail` starts with it: 福园社区 + 社区食堂 → 福园社区食堂, 纪委监委机关 +
 * 机关党支部 → 纪委监委机关党支部.
 */
export function joinName(head: string, tail: string): string {
  for (let k = Math.min(head.length, tail.length, 6); k >= 2; k--) if (head.endsWith(tail.slice(0, k))) return head + tail.slice(k);
  return head + tail;
}

export function firmName(rng: Rng, place: string): string {
  return `${place}${rng.pick(firmWordsFor(place))}${rng.pick(FIRM_TRADES)}有限${rng.chance(0.3) ? '责任' : ''}公司`;
}

export const STATE_FIRMS: readonly string[] = [
  '{c}城市建设投资有限公司', '{c}国有资产运营有限公司', '{c}水务有限公司', '{c}供热有限公司', '{c}公共交通有限公司',
  '{c}农业发展投资有限公司', '{c}文化旅游投资有限公司', '{c}粮食购销有限公司', '{c}融资担保有限公司', '{c}物业管理有限公司',
];

export const SOCIAL_ORGS: readonly string[] = [
  '{c}个体劳动者协会', '{c}律师协会', '{c}志愿者协会', '{c}物流行业协会', '{c}餐饮行业协会', '{c}社会工作者协会',
  '{c}慈善总会', '{c}老年人体育协会', '{c}民办教育协会', '{c}家庭服务业协会', '{c}养老服务协会', '{c}青年企业家协会',
];

export const COUNTY_SCHOOLS: readonly string[] = [
  '{c}第一中学', '{c}第二中学', '{c}第三中学', '{c}实验中学', '{c}第一小学', '{c}第二小学', '{c}实验小学',
  '{c}蒙古族中学', '{c}职业教育中心', '{c}第四中学', '{c}第三小学', '{c}幼儿园', '{c}特殊教育学校', '{c}第五中学',
];

export const COUNTY_HOSPITALS: readonly string[] = [
  '{c}医院', '{c}中医蒙医医院', '{c}妇幼保健计划生育服务中心', '{c}第二医院', '{c}精神卫生中心', '{c}口腔医院',
];

export const PROPERTY_FIRMS = ['物业服务有限公司', '物业管理有限公司'];

/** Auspicious place words for the extra streets and towns of scaled-up data sets (scale > 1). */
export const PLACE_WORDS: readonly string[] = [
  '新华', '兴安', '和平', '建设', '胜利', '团结', '光明', '幸福', '友谊', '振兴', '繁荣', '富强', '民主', '文明', '和谐',
  '长安', '安定', '永安', '永丰', '永兴', '丰收', '兴隆', '太平', '长春', '长乐', '新民', '新兴', '新城', '东风', '红旗',
  '向阳', '朝阳', '曙光', '前进', '先锋', '育才', '迎宾', '锦绣', '昭乌达', '松州', '锡伯', '西拉沐沦', '老哈河', '英金',
  '阴河', '半支箭', '大青山', '凤凰岭', '玉龙', '红峰', '金峰', '银河', '草原', '牧歌', '白云', '蓝天', '清泉', '绿洲',
  '星光', '春晖', '秋实', '东升', '西苑', '南山', '北岭', '翠柏', '青松', '丁香', '海棠', '紫荆', '芳草', '富民', '惠民',
  '安民', '利民', '福兴', '吉祥', '如意', '康宁', '瑞安', '祥和', '嘉和', '泰和', '益和', '德和', '顺和',
];

/** A farm product of the area: what the coops grow, what the leading firm trades, what the industry alliance is named after. */
export interface RuralProduct {
  /** As in an alliance's name: 肉牛 → 肉牛产业党建联合体. */
  name: string;
  /** As in a cooperative's name: 肉牛养殖专业合作社. */
  coop: string;
  /** As in a leading firm's name: 肉业有限公司. */
  trade: string;
}

const P = (name: string, coop: string, trade: string): RuralProduct => ({ name, coop, trade });
const CATTLE = P('肉牛', '肉牛养殖', '牧业');
const SHEEP = P('肉羊', '肉羊养殖', '肉业');
const DAIRY = P('奶牛', '奶牛养殖', '乳业');
const VEG = P('设施蔬菜', '设施蔬菜种植', '农业科技');
const GRAIN = P('杂粮', '杂粮种植', '杂粮');
const MILLET = P('小米', '谷子种植', '小米');
const HERBS = P('中药材', '中药材种植', '中药材');
const FRUIT = P('林果', '林果种植', '果业');
const POTATO = P('马铃薯', '马铃薯种植', '薯业');
const FORAGE = P('饲草', '饲草种植', '草业');
const DONKEY = P('肉驴', '肉驴养殖', '畜牧');
const BROOM = P('笤帚苗', '笤帚苗种植', '农产品');
const FLOWER = P('花卉', '花卉种植', '园艺');

/** What each county is known for (its 主导产业), most typical first. */
export const RURAL_PRODUCTS: Readonly<Record<string, readonly RuralProduct[]>> = {
  hongshan: [VEG, FLOWER, FRUIT],
  yuanbaoshan: [VEG, CATTLE, GRAIN],
  songshan: [VEG, SHEEP, HERBS, FRUIT, POTATO],
  alukeerqin: [CATTLE, DAIRY, FORAGE, SHEEP],
  balinzuo: [SHEEP, BROOM, CATTLE, GRAIN],
  balinyou: [CATTLE, SHEEP, FORAGE, DAIRY],
  linxi: [CATTLE, POTATO, FORAGE, HERBS],
  keshiketeng: [CATTLE, SHEEP, POTATO, FORAGE],
  wengniute: [CATTLE, SHEEP, GRAIN, HERBS],
  kalaqin: [VEG, HERBS, FRUIT, CATTLE],
  ningcheng: [VEG, FRUIT, CATTLE, HERBS],
  aohan: [MILLET, GRAIN, SHEEP, DONKEY],
};
export const ALL_RURAL_PRODUCTS: readonly RuralProduct[] = [CATTLE, SHEEP, DAIRY, VEG, GRAIN, MILLET, HERBS, FRUIT, POTATO, FORAGE, DONKEY, BROOM, FLOWER];

/** A leading agricultural firm (龙头企业). */
export function agriFirmName(rng: Rng, place: string, product: RuralProduct): string {
  return `${place}${rng.pick(firmWordsFor(place))}${product.trade}${rng.chance(0.5) ? '发展' : ''}有限公司`;
}

/** 社会化服务组织 of a township: machinery, crop protection, vets. */
export const RURAL_SERVICES: readonly string[] = ['农机', '植保', '农牧业技术', '畜牧兽医', '农资', '土地托管'];
