export { collectArchiveContent, exportEngagementArchive } from './exportArchive';
export type { ExportArchiveOptions, ExportedArchive } from './exportArchive';
export { importArchive, importArchiveText, withQuotaMessage } from './importArchive';
export type { ArchiveImportMode, ArchiveImportResult, ImportArchiveOptions } from './importArchive';
export { mergeArchive } from './merge';
export { ArchiveImportError, isQuotaError, QUOTA_MESSAGE } from './errors';
export type { ArchiveImportErrorKind } from './errors';
export {
  checkArchiveZip,
  checkZipContent,
  exportEngagementZip,
  planEngagementZip,
  writeEngagementZip,
  zipPlanProblem,
  importArchiveZip,
  writeCheckedZip,
} from './zipArchive';
export type { CheckedZip, ExportedZip, ZipExportPlan, ZipImportResult } from './zipArchive';
