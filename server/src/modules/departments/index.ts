import { defineModule } from '../module.js';
import { DepartmentEntity } from './department.entity.js';
export { DepartmentEntity, type Department } from './department.entity.js';
export { departmentCodes, isDepartmentCode, type DepartmentCode } from './department-codes.js';

/** Departments and units: the codes that double as candidate groups. */
export const departmentsModule = defineModule({ name: 'departments', entities: [DepartmentEntity] });
