// Public surface of @vanthu/server: configuration, the application, starting and stopping it,
// and the use cases the CLI calls directly.
export { loadConfig, loadReaderConfig, ConfigError, type Config } from "./config.ts";
export { buildApp, type CollectedRoute } from "./http/app.ts";
export { openContext, startServer, type RunningServer } from "./server.ts";
export type { AppContext, Actor } from "./context.ts";
export { AppError, userMessageOf, type ErrorBody, type Issue } from "./errors.ts";
export { ERRORS, type ErrorCode, type ErrorStatus } from "./error-codes.ts";
export { isDatabaseUnavailable } from "./database-unavailable.ts";
export { createAgency, agencySchema } from "./agencies/create-agency.ts";
export { createUser, userSchema } from "./agencies/create-user.ts";
export { renameAgency } from "./agencies/rename-agency.ts";
export { ensureInstallationAdmin, INSTALLER_USERNAME } from "./agencies/installation-admin.ts";
export { resetPassword, generatePassword } from "./auth/reset-password.ts";
export { importDocument } from "./documents/import-document.ts";
export {
  checkImportFile,
  findImported,
  sha256InSlices,
  IMPORT_EXTENSIONS,
} from "./documents/import-file.ts";
export { addFiles, createBatch, MAX_ITEMS_PER_BATCH } from "./imports/batches.ts";
export { drainBatch } from "./imports/items.ts";
export { batchView, listBatches, type BatchView, type BatchCounts } from "./imports/progress.ts";
export {
  startImportWorker,
  type ImportWorker,
  type ImportWorkerOptions,
} from "./imports/worker.ts";
export { registerIncoming } from "./documents/register-incoming.ts";
export { seedDemoWorld, isEmpty, DEMO_AGENCIES } from "./demo/demo-world.ts";
export { DataDirLockedError } from "./data-lock.ts";
export { DEMO_ROLES } from "./demo/demo-world.ts";
export { createBackup, pgDumpCommand, type BackupResult } from "./backup/create-backup.ts";
export {
  restoreBackup,
  verifyBackup,
  pgRestoreCommand,
  type RestoreResult,
} from "./backup/restore-backup.ts";
export type { Manifest } from "./backup/manifest.ts";
export {
  processOutbox,
  backoffSeconds,
  MAX_ATTEMPTS as EXCHANGE_MAX_ATTEMPTS,
} from "./exchange/outbox.ts";
export {
  httpTransport,
  folderTransport,
  requestSignature,
  EXCHANGE_HEADERS,
  TransportError,
  type Transport,
  type OutgoingPackage,
} from "./exchange/transport.ts";
export { receivePackage } from "./exchange/receive.ts";
export type { ExchangeLoopOptions } from "./exchange/exchange-loop.ts";
