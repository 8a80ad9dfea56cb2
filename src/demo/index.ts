export { generateBook, HISTORY_DAYS, type DemoBook } from './generate';
export { mulberry32, Random, seededIds } from './random';
