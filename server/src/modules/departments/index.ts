export { DepartmentEntity, type Department } from './department.entity.js';
export { departmentCodes, isDepartmentCode, type DepartmentCode } from './department-codes.js';
