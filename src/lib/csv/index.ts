/**
 * The one home for CSV: a formula-safe RFC 4180 writer for exports and a
 * strict parser with line-numbered problems for imports (docs/vocabularies.md).
 */
export * from './parse-csv';
export * from './validate-rows';
export * from './write-csv';
