export * from './types';
export * from './sqlite';
export { MIGRATIONS, type Migration } from './migrations';
