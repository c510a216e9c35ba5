export * from './app-error.js';
export * from './engine-errors.js';
export { BusinessError } from './business-error.js';
export { errorHandler, apiNotFound, validationErrorFrom, type ErrorBody } from './error-handler.js';
