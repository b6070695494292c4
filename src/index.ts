// The library: `import { audit, loadStandard, loadChecklist } from 'kvalitetstjek'`.
export { audit, REPORT_VERSION, STATUSES } from './audit.js';
export type { AuditOptions, Counts, Finding, GroupSummary, Reason, Report, Status } from './audit.js';
export { bundledChecklistPaths, catalog, catalogEntry, loadBundledChecklists, loadChecklist, loadChecklists, parseChecklist } from './checklist.js';
export type { CatalogEntry, Checklist, Group, Kind, Level, Requirement } from './checklist.js';
export { InputError } from './errors.js';
export { FORMAT_NAMES, loadFormatter } from './formatters/index.js';
export type { FormatContext, FormatName, Formatter } from './formatters/index.js';
export { loadStandard, parseStandard } from './standard.js';
export type { Declaration, Standard, StandardData } from './standard.js';
export type { Location, Position } from './positions.js';
export { VERSION } from './version.js';
