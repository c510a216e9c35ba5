export { DepartmentEntity, type Department } from './department.entity.js';
export { departmentCodes, unitCodes, isDepartmentCode, type DepartmentCode, type UnitCode } from './department-codes.js';
