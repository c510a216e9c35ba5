export { FormRegistry, validateSubmission, type FormSchema } from './form-validator.js';
