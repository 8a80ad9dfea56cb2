// Company and contact names for demo customers: Chinese registered-name style
// (city + trade name + industry + 有限公司) or English-style trading names.

import type { Locale } from '../domain/types';
import type { Random } from './random';

export type Industry = 'trade' | 'tech' | 'food' | 'building' | 'logistics' | 'consulting' | 'manufacturing' | 'retail';
export const INDUSTRIES: readonly Industry[] = [
  'trade', 'tech', 'food', 'building', 'logistics', 'consulting', 'manufacturing', 'retail',
];

/** City with its 6-digit administrative division code (used in the USCC). */
interface City { zh: string; en: string; division: string; district: string }
const CITIES: readonly City[] = [
  { zh: '上海', en: 'Shanghai', division: '310115', district: '浦东新区' },
  { zh: '杭州', en: 'Hangzhou', division: '330106', district: '西湖区' },
  { zh: '深圳', en: 'Shenzhen', division: '440305', district: '南山区' },
  { zh: '北京', en: 'Beijing', division: '110105', district: '朝阳区' },
  { zh: '广州', en: 'Guangzhou', division: '440106', district: '天河区' },
  { zh: '苏州', en: 'Suzhou', division: '320505', district: '虎丘区' },
  { zh: '南京', en: 'Nanjing', division: '320104', district: '秦淮区' },
  { zh: '成都', en: 'Chengdu', division: '510107', district: '武侯区' },
  { zh: '武汉', en: 'Wuhan', division: '420106', district: '武昌区' },
  { zh: '宁波', en: 'Ningbo', division: '330212', district: '鄞州区' },
  { zh: '厦门', en: 'Xiamen', division: '350203', district: '思明区' },
  { zh: '天津', en: 'Tianjin', division: '120101', district: '和平区' },
];

const TRADE_FIRST = '恒华鑫瑞盛宏嘉锦博天金永兴正德诚泰安和美新联合通达广源信润丰佳海汇中';
const TRADE_SECOND = '达信源丰图程远诚茂业昌隆盛泰祥辉邦禾晟创宇峰顺发利星阳润康辰翔';

const INDUSTRY_ZH: Record<Industry, readonly string[]> = {
  trade: ['贸易', '商贸', '进出口'],
  tech: ['科技', '信息技术', '网络科技'],
  food: ['餐饮', '餐饮管理', '食品'],
  building: ['建材', '装饰工程', '建筑材料'],
  logistics: ['物流', '供应链管理', '货运代理'],
  consulting: ['企业管理咨询', '商务咨询', '文化传媒'],
  manufacturing: ['机械制造', '电子', '塑胶制品'],
  retail: ['百货', '便利店', '服装'],
};

const EN_FIRST = [
  'Northwind', 'Blue Harbor', 'Summit', 'Golden Gate', 'Red Maple', 'Silver Line', 'Evergreen', 'Pioneer',
  'Oakridge', 'Bright Star', 'Riverside', 'Lotus', 'Jade River', 'Pacific', 'Eastbridge', 'Crescent',
  'Highland', 'Sunrise', 'Granite', 'Cedar', 'Harbor Light', 'Kingsway', 'Meridian', 'Orchid',
];
const EN_SECOND = ['', ' Global', ' United', ' Prime', ' Allied', ' First', ' Union', ' Coastal'];
const INDUSTRY_EN: Record<Industry, readonly string[]> = {
  trade: ['Trading', 'Import & Export', 'Commerce'],
  tech: ['Technology', 'Software', 'Digital'],
  food: ['Foods', 'Catering', 'Restaurants'],
  building: ['Building Materials', 'Construction Supply', 'Interiors'],
  logistics: ['Logistics', 'Freight', 'Supply Chain'],
  consulting: ['Consulting', 'Advisory', 'Media'],
  manufacturing: ['Manufacturing', 'Electronics', 'Plastics'],
  retail: ['Retail', 'Stores', 'Apparel'],
};
const EN_FORM = ['Co., Ltd.', 'Ltd.', 'Limited', 'LLC', 'Inc.'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '晓东', '海燕'];
const EN_GIVEN = ['Alice', 'Ben', 'Chloe', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack', 'Kate', 'Leo', 'Mia', 'Noah', 'Olivia', 'Peter'];
const EN_FAMILY = ['Smith', 'Chen', 'Wong', 'Taylor', 'Brown', 'Lee', 'Walker', 'Liu', 'Martin', 'Clark', 'Hall', 'Young'];
const ROADS = ['人民路', '中山路', '解放路', '建设路', '长江路', '科技园路', '世纪大道', '文三路'];
const ROADS_EN = ['Renmin Road', 'Zhongshan Road', 'Jiefang Road', 'Jianshe Road', 'Changjiang Road', 'Keji Road', 'Century Avenue', 'Wensan Road'];
const DISTRICTS_EN: Record<string, string> = {
  浦东新区: 'Pudong', 西湖区: 'Xihu', 南山区: 'Nanshan', 朝阳区: 'Chaoyang', 天河区: 'Tianhe', 虎丘区: 'Huqiu',
  秦淮区: 'Qinhuai', 武侯区: 'Wuhou', 武昌区: 'Wuchang', 鄞州区: 'Yinzhou', 思明区: 'Siming', 和平区: 'Heping',
};

export interface CompanyName {
  name: string;
  city: string;
  division: string;
  district: string;
}

/** A company name not yet in `taken` (adds it). Falls back to a branch suffix when combinations run out. */
export function companyName(random: Random, locale: Locale, industry: Industry, taken: Set<string>): CompanyName {
  for (let attempt = 0; ; attempt++) {
    const city = random.pick(CITIES);
    let name: string;
    if (locale === 'zh-CN') {
      const trade = random.pick([...TRADE_FIRST]) + random.pick([...TRADE_SECOND]);
      const kind = random.pick(INDUSTRY_ZH[industry]);
      // Both common registered-name orders: 上海恒达贸易有限公司 and 恒达（上海）贸易有限公司.
      name = random.chance(0.8) ? `${city.zh}${trade}${kind}有限公司` : `${trade}（${city.zh}）${kind}有限公司`;
      if (attempt > 20) name = `${name.replace(/有限公司$/, '')}有限公司第${attempt - 19}分公司`;
    } else {
      const base = random.pick(EN_FIRST) + random.pick(EN_SECOND);
      name = `${base} ${random.pick(INDUSTRY_EN[industry])} ${random.pick(EN_FORM)}`;
      if (attempt > 20) name = `${name} (${city.en} ${attempt - 19})`;
    }
    if (!taken.has(name)) {
      taken.add(name);
      return { name, city: locale === 'zh-CN' ? city.zh : city.en, division: city.division, district: city.district };
    }
  }
}

export function personName(random: Random, locale: Locale): string {
  return locale === 'zh-CN'
    ? random.pick([...SURNAMES]) + random.pick(GIVEN)
    : `${random.pick(EN_GIVEN)} ${random.pick(EN_FAMILY)}`;
}

export function mobilePhone(random: Random, locale: Locale): string {
  if (locale === 'zh-CN') {
    return `1${random.pick(['38', '39', '50', '58', '86', '88', '35', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  }
  return `+86 21 ${String(random.int(1000, 9999))} ${String(random.int(1000, 9999))}`;
}

export function streetAddress(random: Random, locale: Locale, company: CompanyName): string {
  const no = random.int(1, 999);
  return locale === 'zh-CN'
    ? `${company.city}市${company.district}${random.pick(ROADS)}${no}号`
    : `No. ${no} ${random.pick(ROADS_EN)}, ${DISTRICTS_EN[company.district] ?? ''} District, ${company.city}`;
}
