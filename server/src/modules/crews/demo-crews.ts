import type { SanitationCrew } from './sanitation-crew.entity.js';

/** The eight demo crews of 青禾区, based in residential grids of each street; one is busy and one is off shift. */
export const demoCrews: Omit<SanitationCrew, 'updatedAt'>[] = [
  { code: 'HW-QH01-1', name: '禾丰街道环卫一班', leader: '郭大海', phone: '13905712001', lng: 120.1526, lat: 30.26585, streetCode: 'QH-01', status: 'available' },
  { code: 'HW-QH01-2', name: '禾丰街道环卫二班', leader: '罗春燕', phone: '13905712002', lng: 120.1578, lat: 30.27395, streetCode: 'QH-01', status: 'available' },
  { code: 'HW-QH01-3', name: '禾丰街道环卫三班', leader: '梁志刚', phone: '13905712003', lng: 120.1526, lat: 30.27665, streetCode: 'QH-01', status: 'available' },
  { code: 'HW-QH02-1', name: '柳塘街道环卫一班', leader: '高秀英', phone: '13905712004', lng: 120.16404, lat: 30.26225, streetCode: 'QH-02', status: 'available' },
  { code: 'HW-QH02-2', name: '柳塘街道环卫二班', leader: '林永福', phone: '13905712005', lng: 120.16508, lat: 30.27575, streetCode: 'QH-02', status: 'busy' },
  { code: 'HW-QH03-1', name: '芸溪街道环卫一班', leader: '邓建华', phone: '13905712006', lng: 120.17444, lat: 30.26495, streetCode: 'QH-03', status: 'available' },
  { code: 'HW-QH03-2', name: '芸溪街道环卫二班', leader: '傅玉梅', phone: '13905712007', lng: 120.17236, lat: 30.27485, streetCode: 'QH-03', status: 'available' },
  { code: 'HW-QH03-3', name: '芸溪街道环卫三班', leader: '江国强', phone: '13905712008', lng: 120.17756, lat: 30.27305, streetCode: 'QH-03', status: 'off' },
];
