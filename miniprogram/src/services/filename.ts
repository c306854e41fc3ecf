/** A downloaded file's name, from the API's Content-Disposition (the poster, the CSV export). */

/**
 * `attachment; filename="download.pdf"; filename*=UTF-8''%E9%9D%92…` → the decoded `filename*` (RFC 6266 / 5987),
 * else the plain `filename`, else `fallback`. Path separators are never kept.
 */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  const clean = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim()
  if (header) {
    const star = /filename\*\s*=\s*([^;]+)/i.exec(header)
    if (star) {
      const value = star[1].trim().replace(/^"(.*)"$/, '$1')
      const encoded = value.replace(/^[\w-]+'[^']*'/, '')
      try {
        const name = clean(decodeURIComponent(encoded))
        if (name) return name
      } catch {
        // malformed percent-encoding: try the plain filename
      }
    }
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header)
    if (plain) {
      const name = clean((plain[2] ?? plain[1]).trim())
      if (name) return name
    }
  }
  return clean(fallback) || 'download'
}
