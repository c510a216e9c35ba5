export { createDataSource, openDatabase, databaseType, entities, type DatabaseSettings } from './data-source.js';
export { inTransaction } from './transaction.js';
