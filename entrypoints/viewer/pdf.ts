export async function readPdf(_bytes: Uint8Array): Promise<import("../../lib/attachment/document").AttachmentDocument> { throw new Error("PDF not yet"); }
