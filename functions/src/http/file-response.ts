/** A use case's answer that is a file (a PDF poster), not JSON. `defineHandler` sends it base64-encoded. */
export class FileResponse {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}
