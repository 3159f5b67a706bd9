/** Messages of the popup's summary, export and import (popup → background); merged into lib/protocol.ts. */
import { z } from 'zod';
import { NoticeKey } from '../annotation/model';
import type { Result } from '../protocol';
import type { ImportPreview } from './plan';
import type { UndoableImport } from '../db/restore-point';
import type { PopupSummary } from '../summary/summary';

export const EXPORT_FORMATS = ['json', 'csv', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const transferRequests = {
  getPopupSummary: z.object({ activeUrl: z.string().max(4000).optional(), activeTabId: z.number().int().nonnegative().optional() }),
  exportAnnotations: z.object({ format: z.enum(EXPORT_FORMATS), noticeKeys: z.array(NoticeKey).max(1000).optional() }),
  // The text's size is checked by the importer, which answers with a readable message.
  previewImport: z.object({ text: z.string() }),
  applyImport: z.object({
    text: z.string(),
    /** The chosen file's name, kept with the restore point (shown next to "undo"). */
    fileName: z.string().max(300).optional(),
    /** The popup's id for this request: after an interruption, getLastImport tells whether it landed. */
    importId: z.string().max(100).optional(),
  }),
  getLastImport: z.object({}),
  undoLastImport: z.object({ id: z.number().int().nonnegative() }),
} as const;

export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
  notices: number;
  items: number;
}

/** What an import did (or, for a preview, would do). */
export type ImportOutcome = ImportPreview;

export interface TransferProtocol {
  /** Answer the popup's summary, the active tab's notice first (the tab's page from the tab bindings). */
  getPopupSummary(data: { activeUrl?: string; activeTabId?: number }): Result<PopupSummary>;
  /** Export the given notices (default: all annotated) as a file; a JSON export is remembered as the last backup. */
  exportAnnotations(data: { format: ExportFormat; noticeKeys?: string[] }): Result<ExportedFile>;
  /** Check a file and answer what importing it would change; writes nothing. */
  previewImport(data: { text: string }): Result<ImportOutcome>;
  /** Import a file: checked whole, merged, written in one transaction or not at all. */
  applyImport(data: { text: string; fileName?: string; importId?: string }): Result<ImportOutcome>;
  /** Answer the import "undo last import" would undo, or null. */
  getLastImport(data: Record<string, never>): Result<UndoableImport | null>;
  /** Put the database back as it was before import `id` (the last one); refused if its items changed since. */
  undoLastImport(data: { id: number }): Result<UndoableImport>;
}
