import type { Department } from '../../server/src/modules/departments/index.js';
import type { Role } from '../../server/src/modules/users/index.js';

/** Departments and units of the demo district (DOMAIN.md department codes). */
export const demoDepartments: Department[] = [
  { code: 'public-security', nameZh: '公安', nameEn: 'Public Security', kind: 'department' },
  { code: 'urban-management', nameZh: '城管执法', nameEn: 'Urban Management Enforcement', kind: 'department' },
  { code: 'commerce', nameZh: '市场监管', nameEn: 'Market Supervision', kind: 'department' },
  { code: 'sanitation', nameZh: '环卫', nameEn: 'Sanitation', kind: 'department' },
  { code: 'command-centre', nameZh: '指挥中心', nameEn: 'Command Centre', kind: 'unit' },
  { code: 'supervision', nameZh: '督办科', nameEn: 'Supervision Office', kind: 'unit' },
  { code: 'grid-inspection', nameZh: '网格巡查队', nameEn: 'Grid Inspection Team', kind: 'unit' },
  { code: 'hotline', nameZh: '12345热线', nameEn: '12345 Hotline', kind: 'unit' },
];

/** A demo account, printed by npm start. */
export interface DemoUser {
  username: string;
  displayName: string;
  departmentCode: string;
  roles: Role[];
}

/** One account for every role and every department liaison. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', departmentCode: 'command-centre', roles: ['admin'] },
  { username: 'zhihui', displayName: '指挥中心 王敏', departmentCode: 'command-centre', roles: ['command-centre'] },
  { username: 'duban', displayName: '督办 李强', departmentCode: 'supervision', roles: ['supervisor'] },
  { username: 'wangge', displayName: '网格员 张伟', departmentCode: 'grid-inspection', roles: ['inspector'] },
  { username: 'rexian', displayName: '12345坐席 刘芳', departmentCode: 'hotline', roles: ['hotline-operator'] },
  { username: 'xietiao', displayName: '联合行动协调员 陈刚', departmentCode: 'command-centre', roles: ['coordinator'] },
  { username: 'sheji', displayName: '流程设计员 赵丽', departmentCode: 'command-centre', roles: ['designer'] },
  { username: 'gongan', displayName: '公安联络员 周杰', departmentCode: 'public-security', roles: ['liaison'] },
  { username: 'chengguan', displayName: '城管联络员 吴涛', departmentCode: 'urban-management', roles: ['liaison'] },
  { username: 'shichang', displayName: '市场监管联络员 郑洁', departmentCode: 'commerce', roles: ['liaison'] },
  { username: 'huanwei', displayName: '环卫联络员 孙磊', departmentCode: 'sanitation', roles: ['liaison'] },
  { username: 'huanwei2', displayName: '环卫联络员 马丽', departmentCode: 'sanitation', roles: ['liaison'] },
];

/** The demo password of every seeded account. Change it after the first sign-in. */
export const demoPassword = 'Lianqin@2026';
