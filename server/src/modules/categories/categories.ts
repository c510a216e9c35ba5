/** A report category (部件/事件); its code is also the Open311 service_code. */
export interface Category {
  code: string;
  className: string;
  name: string;
  nameEn: string;
}

/** The starting set of DOMAIN.md; the routing DMN decides departments and limits for each. */
export const categories: readonly Category[] = [
  { code: 'E0101', className: '市容环境', name: '私搭乱建', nameEn: 'Illegal structure' },
  { code: 'E0102', className: '市容环境', name: '暴露垃圾', nameEn: 'Exposed garbage' },
  { code: 'E0103', className: '市容环境', name: '道路不洁', nameEn: 'Dirty road' },
  { code: 'E0104', className: '市容环境', name: '积存垃圾渣土', nameEn: 'Piled waste' },
  { code: 'E0201', className: '宣传广告', name: '非法小广告', nameEn: 'Illegal flyers' },
  { code: 'E0202', className: '宣传广告', name: '违规户外广告牌匾', nameEn: 'Illegal signboard' },
  { code: 'E0301', className: '施工管理', name: '施工扰民', nameEn: 'Construction noise' },
  { code: 'E0302', className: '施工管理', name: '工地扬尘', nameEn: 'Construction dust' },
  { code: 'E0303', className: '施工管理', name: '道路遗撒', nameEn: 'Spilled load' },
  { code: 'E0401', className: '突发事件', name: '路面塌陷', nameEn: 'Road collapse' },
  { code: 'E0402', className: '突发事件', name: '道路积水', nameEn: 'Flooding' },
  { code: 'E0501', className: '街面秩序', name: '占道经营', nameEn: 'Street vending' },
  { code: 'E0502', className: '街面秩序', name: '无照经营游商', nameEn: 'Unlicensed trading' },
  { code: 'E0503', className: '街面秩序', name: '店外经营', nameEn: 'Trading outside the shop' },
  { code: 'E0504', className: '街面秩序', name: '机动车乱停放', nameEn: 'Illegal parking' },
  { code: 'E0505', className: '街面秩序', name: '黑车拉客', nameEn: 'Illegal taxi touting' },
  { code: 'E0506', className: '街面秩序', name: '露天烧烤', nameEn: 'Open-air barbecue' },
  { code: 'C0101', className: '公用设施', name: '井盖破损', nameEn: 'Broken manhole cover' },
  { code: 'C0301', className: '市容环境', name: '垃圾桶满溢/破损', nameEn: 'Bin overflowing or broken' },
];

const byCode = new Map(categories.map((c) => [c.code, c]));

/** The category of a code, or undefined. */
export function categoryOf(code: string): Category | undefined {
  return byCode.get(code);
}
