import { Faker, base, zh_CN } from '@faker-js/faker';
import { itemAt } from '../../lib/lists';
import { IdSequence } from './generated-ids';
import { Random } from './random';
import type { Scale } from './scales';

/**
 * The units (驻区单位) of a generated district, decided before anything is written: party-building
 * needs their names for in-service members' work units, co-building writes them and their
 * pairings. `weight` is how many staff a unit has relative to the others, so a hospital or a
 * bureau has more in-service members reporting than a small firm.
 */
export interface PlannedUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  district: number;
  weight: number;
  /** Indexes into the grid part's communities: the communities the unit pairs with (结对共建). */
  communities: number[];
}

const CITY = '寿光市';
const ORGANS = [
  '税务局',
  '财政局',
  '教育局',
  '民政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '综合行政执法局',
  '行政审批服务局',
  '司法局',
  '公安局',
  '退役军人事务局',
  '生态环境分局',
];
const INSTITUTIONS = [
  '公共资源交易中心',
  '融媒体中心',
  '疾病预防控制中心',
  '图书馆',
  '档案馆',
  '住房公积金管理中心',
  '不动产登记中心',
  '社会保险事业中心',
];
const SOES = [
  '城市建设投资集团有限公司',
  '水务集团有限公司',
  '供热有限公司',
  '公交有限公司',
  '燃气有限公司',
  '国有资本投资运营有限公司',
];
const BANKS = [
  '农商银行',
  '工商银行支行',
  '农业银行支行',
  '中国银行支行',
  '建设银行支行',
  '邮政储蓄银行支行',
  '城商银行支行',
];
const SCHOOLS = ['实验小学', '第一中学', '第二中学', '职业教育中心', '实验中学', '世纪学校', '育才小学'];
const HOSPITALS = ['人民医院', '中医院', '妇幼保健院', '精神卫生中心', '口腔医院'];
const SOCIAL = ['志愿者协会', '慈善总会', '红十字会', '社会工作服务中心', '老年大学'];

/** Unified social credit code prefixes (GB 32100) by kind of unit: 11 organs, 12 institutions, 91 enterprises, 51/53 social organisations. */
const KINDS: Array<[string, number, string]> = [
  ['PARTY_GOV_ORGAN', 0.2, '11'],
  ['PUBLIC_INSTITUTION', 0.12, '12'],
  ['SOE', 0.08, '91'],
  ['FINANCIAL', 0.08, '91'],
  ['SCHOOL', 0.1, '12'],
  ['HOSPITAL', 0.05, '12'],
  ['NON_PUBLIC_ENTERPRISE', 0.32, '91'],
  ['SOCIAL_ORGANIZATION', 0.05, '51'],
];
const STAFF: Record<string, number> = {
  PARTY_GOV_ORGAN: 6,
  PUBLIC_INSTITUTION: 4,
  SOE: 5,
  FINANCIAL: 3,
  SCHOOL: 4,
  HOSPITAL: 8,
  NON_PUBLIC_ENTERPRISE: 1,
  SOCIAL_ORGANIZATION: 0.5,
};

/**
 * Every community of a district gets units in turn, so each has several; a quarter of the
 * units also pair with a second community.
 */
export function planUnits(scale: Scale, seed: number, communities: ReadonlyArray<{ district: number }>): PlannedUnit[] {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 25 });
  const random = new Random(seed + 25);
  const ids = new IdSequence(25);
  const units: PlannedUnit[] = [];
  const taken = new Set<string>();
  for (let d = 0; d < scale.districts; d += 1) {
    const county = String(370783 + d * 2);
    const place = d ? `${CITY}（${d + 1}区）` : CITY;
    const used: Record<string, number> = {};
    for (let u = 0; u < scale.unitsPerDistrict; u += 1) {
      const [kind, , prefix] = random.weighted(KINDS.map((entry) => [entry, entry[1]] as const));
      const n = (used[kind] = (used[kind] ?? 0) + 1);
      const nth = <T>(list: T[]) => list[(n - 1) % list.length];
      const round = Math.floor((n - 1) / 10);
      let name: string;
      switch (kind) {
        case 'PARTY_GOV_ORGAN':
          name = `${place}${nth(ORGANS)}${n > ORGANS.length ? `${faker.location.street().slice(0, 2)}分局` : ''}`;
          break;
        case 'PUBLIC_INSTITUTION':
          name = `${place}${nth(INSTITUTIONS)}${n > INSTITUTIONS.length ? `${faker.location.street().slice(0, 2)}分中心` : ''}`;
          break;
        case 'SOE':
          name = `${place}${nth(SOES)}${n > SOES.length ? `${faker.location.street().slice(0, 2)}分公司` : ''}`;
          break;
        case 'FINANCIAL':
          name = `${place}${nth(BANKS)}${n > BANKS.length ? `${faker.location.street().slice(0, 2)}营业部` : ''}`;
          break;
        case 'SCHOOL':
          name = `${place}${n > SCHOOLS.length ? faker.location.street().slice(0, 2) : ''}${nth(SCHOOLS)}`;
          break;
        case 'HOSPITAL':
          name = `${place}${n > HOSPITALS.length ? faker.location.street().slice(0, 2) : ''}${nth(HOSPITALS)}`;
          break;
        case 'SOCIAL_ORGANIZATION':
          name = `${place}${n > SOCIAL.length ? faker.location.street().slice(0, 2) : ''}${nth(SOCIAL)}`;
          break;
        default:
          name = faker.company.name();
      }
      if (taken.has(name)) name = `${name}（${round + 2}）`;
      while (taken.has(name)) name = `${name}分部`;
      taken.add(name);
      const serial = String(units.length + 1).padStart(6, '0');
      const staff = STAFF[kind];
      if (staff === undefined) throw new Error(`no staff size planned for ${kind}`);
      units.push({
        id: ids.next(),
        code: `${prefix}${county}${kind === 'NON_PUBLIC_ENTERPRISE' ? 'MA' : 'MB'}${serial}`,
        name: name.slice(0, 100),
        kind,
        district: d,
        weight: staff * (0.5 + random.float()),
        communities: [],
      });
    }
    const local = communities.map((c, i) => (c.district === d ? i : -1)).filter((i) => i >= 0);
    const mine = random.shuffle(units.filter((unit) => unit.district === d));
    mine.forEach((unit, i) => {
      unit.communities.push(itemAt(local, i % local.length));
      if (local.length > 1 && random.chance(0.25)) {
        const other = itemAt(local, (i + 1 + random.int(0, local.length - 2)) % local.length);
        if (other !== unit.communities[0]) unit.communities.push(other);
      }
    });
  }
  return units;
}
