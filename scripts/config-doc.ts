// Prints the README's configuration table from the config schema: npm run config:doc
import { configTable } from '../server/src/config/config-table.js';

console.log(configTable());
