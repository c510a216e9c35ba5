/** Shapes of /api/auth, shared by the server and the web app. */

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

/** The signed-in person, as GET /api/auth/me and POST /api/auth/login return them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  /** A department code of DOMAIN.md, or a unit such as command-centre. */
  departmentCode: string | null;
  roles: Role[];
}
