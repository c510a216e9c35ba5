export { validateSubmission, type FormSchema } from './form-validator.js';
