export { categories, categoryOf, type Category } from './categories.js';
