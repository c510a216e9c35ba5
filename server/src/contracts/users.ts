/** Shapes of /api/users (the admin screen), shared by the server and the web app. */
import type { Role } from './auth.js';

/** An account as the admin screen shows it; never its password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  departmentCode: string | null;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

/** POST /api/users. */
export interface CreateUserBody {
  username: string;
  displayName: string;
  departmentCode: string | null;
  roles: Role[];
  /** The first password; the person changes it after signing in. */
  password: string;
}

/** PATCH /api/users/:id: only the fields sent change. */
export interface UpdateUserBody {
  displayName?: string;
  departmentCode?: string | null;
  roles?: Role[];
  active?: boolean;
}

/** POST /api/users/:id/password: an admin sets a new password; the user's sessions end. */
export interface ResetPasswordBody {
  password: string;
}
