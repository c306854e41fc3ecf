import { useMemo } from 'react'
import { View } from '@tarojs/components'
import qrcode from 'qrcode-generator'

/** One row of the matrix as runs of equal modules, so a 21×21 code is ~200 Views instead of 441. */
export interface QrRun {
  dark: boolean
  length: number
}

/** The QR matrix of `text` as rows of runs (error correction M; a ticket code fits version 1). */
export function qrRows(text: string): { size: number; rows: QrRun[][] } {
  const qr = qrcode(0, 'M')
  qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const rows: QrRun[][] = []
  for (let r = 0; r < size; r += 1) {
    const runs: QrRun[] = []
    for (let c = 0; c < size; c += 1) {
      const dark = qr.isDark(r, c)
      const last = runs[runs.length - 1]
      if (last && last.dark === dark) last.length += 1
      else runs.push({ dark, length: 1 })
    }
    rows.push(runs)
  }
  return { size, rows }
}

/**
 * The ticket's QR code drawn with Views (no canvas, so it is the same on weapp and H5). The white border (quiet
 * zone) comes from the container's padding in app.css; widths are percentages of the row.
 */
export function TicketQr({ text, className = '', label = `预约码 ${text} 的二维码` }: { text: string; className?: string; label?: string }) {
  const { size, rows } = useMemo(() => qrRows(text), [text])
  return (
    <View className={`qr${className ? ` ${className}` : ''}`} role='img' aria-label={label}>
      <View className='qr-matrix'>
        {rows.map((runs, r) => (
          <View className='qr-row' key={r}>
            {runs.map((run, i) => (
              <View
                key={i}
                className={run.dark ? 'qr-cell qr-cell--dark' : 'qr-cell'}
                style={{ width: `${(run.length * 100) / size}%` }}
              />
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
