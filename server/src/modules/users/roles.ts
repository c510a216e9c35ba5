/** The roles of DOMAIN.md. */
export const roles = [
  'inspector', // 网格员
  'hotline-operator', // 12345 坐席
  'command-centre', // 指挥中心
  'liaison', // 部门联络员
  'supervisor', // 督办
  'coordinator', // 联合行动协调员
  'designer', // 流程设计员
  'admin', // 管理员
] as const;

export type Role = (typeof roles)[number];
